using NodaTime;

namespace ContinuityScheduler.Domain.Model;

/// <summary>Working hours a caregiver did in one earlier week, for averages over a long reference period.</summary>
public sealed record WeeklyHours
{
    public WeeklyHours(string caregiverId, LocalDate weekStart, double hours)
    {
        CaregiverId = Guard.NotBlank(caregiverId, nameof(caregiverId));
        WeekStart = weekStart.DayOfWeek == IsoDayOfWeek.Monday ? weekStart : throw new ArgumentException("A week starts on a Monday.", nameof(weekStart));
        Hours = Guard.NonNegative(hours, nameof(hours));
    }

    public string CaregiverId { get; }

    public LocalDate WeekStart { get; }

    public double Hours { get; }
}
