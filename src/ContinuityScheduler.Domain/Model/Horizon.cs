using NodaTime;

namespace ContinuityScheduler.Domain.Model;

/// <summary>The dates of a rota: whole Monday-to-Sunday weeks.</summary>
public sealed record Horizon
{
    public Horizon(LocalDate start, int weeks)
    {
        if (start.DayOfWeek != IsoDayOfWeek.Monday)
        {
            throw new ArgumentException("A horizon starts on a Monday.", nameof(start));
        }

        Weeks = Guard.Positive(weeks, nameof(weeks));
        Dates = new DateInterval(start, start.PlusWeeks(weeks).PlusDays(-1));
    }

    public DateInterval Dates { get; }

    public int Weeks { get; }

    public LocalDate Start => Dates.Start;

    public LocalDate End => Dates.End;

    public bool Contains(LocalDate date) => Dates.Contains(date);

    /// <summary>The Monday of each week of the horizon.</summary>
    public IEnumerable<LocalDate> WeekStarts => Enumerable.Range(0, Weeks).Select(w => Start.PlusWeeks(w));
}
