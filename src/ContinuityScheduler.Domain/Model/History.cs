using NodaTime;

namespace ContinuityScheduler.Domain.Model;

/// <summary>
/// The tail of the previous published rota: every shift from <see cref="From"/> up to the horizon,
/// plus weekly totals from further back. Time before <see cref="From"/> is unknown and assumed to have kept the rules.
/// </summary>
public sealed record History
{
    public History(LocalDate from, IEnumerable<HistoryShift>? shifts = null, IEnumerable<WeeklyHours>? weeklyHours = null)
    {
        From = from;
        Shifts = Guard.List(shifts ?? [], nameof(shifts));
        WeeklyHours = Guard.List(weeklyHours ?? [], nameof(weeklyHours));
        reported = WeeklyHours.ToDictionary(w => (w.CaregiverId, w.WeekStart), w => w.Hours);
        if (Shifts.Any(s => s.Date < from))
        {
            throw new ArgumentException("History shifts start on or after the history's first date.", nameof(shifts));
        }
    }

    private readonly Dictionary<(string CaregiverId, LocalDate WeekStart), double> reported;

    /// <summary>An empty history starting at a date: nothing is known before it.</summary>
    public static History Empty(LocalDate start) => new(start);

    public LocalDate From { get; }

    public IReadOnlyList<HistoryShift> Shifts { get; }

    public IReadOnlyList<WeeklyHours> WeeklyHours { get; }

    /// <summary>The working hours reported for a caregiver's week, or null when none were.</summary>
    public double? ReportedHours(string caregiverId, LocalDate weekStart) =>
        reported.TryGetValue((caregiverId, weekStart), out var hours) ? hours : null;
}
