using NodaTime;

namespace ContinuityScheduler.Domain.Model;

/// <summary>Dates (inclusive) on which a caregiver does not work: no shift starts on them and no live-in runs through them.</summary>
public sealed record Absence(AbsenceKind Kind, DateInterval Dates)
{
    public DateInterval Dates { get; } = Guard.NotNull(Dates, nameof(Dates));
}
