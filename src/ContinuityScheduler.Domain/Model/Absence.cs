using NodaTime;

namespace ContinuityScheduler.Domain.Model;

/// <summary>Dates (inclusive) on which a caregiver may not start a shift.</summary>
public sealed record Absence(AbsenceKind Kind, DateInterval Dates)
{
    public DateInterval Dates { get; } = Guard.NotNull(Dates, nameof(Dates));
}
