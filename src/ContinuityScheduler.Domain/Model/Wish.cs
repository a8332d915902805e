using NodaTime;

namespace ContinuityScheduler.Domain.Model;

/// <summary>A caregiver's wish to work or not to work on a date or a weekday, optionally a given shift type.</summary>
public sealed record Wish
{
    public Wish(bool wanted, LocalDate? date, IsoDayOfWeek? weekday, string? shiftType = null, int weight = 1)
    {
        if (date is null == weekday is null)
        {
            throw new ArgumentException("A wish names either a date or a weekday.");
        }

        Wanted = wanted;
        Date = date;
        Weekday = weekday;
        ShiftType = shiftType;
        Weight = Guard.Positive(weight, nameof(weight));
    }

    /// <summary>True: the caregiver wants to work then; false: wants to be free.</summary>
    public bool Wanted { get; }

    public LocalDate? Date { get; }

    public IsoDayOfWeek? Weekday { get; }

    /// <summary>The shift type code the wish is about; null for the whole day.</summary>
    public string? ShiftType { get; }

    public int Weight { get; }

    public bool AppliesOn(LocalDate date) => Date == date || Weekday == date.DayOfWeek;
}
