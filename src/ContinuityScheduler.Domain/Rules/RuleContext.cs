using ContinuityScheduler.Domain.Model;
using NodaTime;

namespace ContinuityScheduler.Domain.Rules;

/// <summary>What a rule needs besides the shifts: the problem, its own settings and whether the rota is still being built.</summary>
public sealed class RuleContext(PlanningProblem problem, RuleDefinition definition, RuleSettings settings, bool partial = false)
{
    public PlanningProblem Problem { get; } = problem;

    public RuleSettings Settings { get; } = settings;

    /// <summary>True while a rota is being built: rules whose minimum cannot be judged yet check their maximum only.</summary>
    public bool Partial { get; } = partial;

    public Horizon Horizon => Problem.Horizon;

    public DateTimeZone Zone => Problem.Institution.TimeZone;

    /// <summary>The first date whose shifts are known (history's start).</summary>
    public LocalDate KnownFrom => Problem.History.From;

    public Instant StartOf(LocalDate date) => date.AtStartOfDayInZone(Zone).ToInstant();

    public Interval DayOf(LocalDate date) => new(StartOf(date), StartOf(date.PlusDays(1)));

    /// <summary>Of the windows that break a rule, the worst once a rota is finished; all of them while it is built, so a new breach cannot hide behind an old one.</summary>
    public IEnumerable<T> Reported<T>(IEnumerable<T> breaches, Func<T, double> badness)
    {
        var all = breaches.ToList();
        return Partial || all.Count == 0 ? all : [all.MaxBy(badness)!];
    }

    public Violation Violation(string? caregiverId, LocalDate from, LocalDate to, double? measured, double? limit, string message) =>
        new(definition.Code, Settings.Severity, caregiverId, from, to, measured is null ? null : Math.Round(measured.Value, 2), limit, message);
}
