using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Scoring;
using ContinuityScheduler.Domain.Shifts;
using NodaTime;

namespace ContinuityScheduler.Domain.Scenarios;

/// <summary>What leaders compare between rotas: the children's continuity, the uncovered hours, staff hours and cost, fairness, rule breaches.</summary>
public sealed record RotaFigures(
    ContinuitySummary Continuity,
    double ShortfallHours,
    double WorkedHours,
    double PaidHours,
    double Cost,
    double OvertimeHours,
    Spread NightsPerCaregiver,
    Spread WeekendsPerCaregiver,
    int HardViolations,
    int SoftViolations)
{
    public static RotaFigures Of(PlanningProblem problem, Rota rota, CostRates rates)
    {
        var resolved = new ResolvedRota(problem, rota);
        var validation = RotaValidator.Validate(resolved);
        var shifts = resolved.RotaShifts;
        var byCaregiver = problem.Caregivers.ToDictionary(c => c.Id, c => shifts.Where(s => s.CaregiverId == c.Id).ToList());
        var permanent = problem.Caregivers.Where(c => !c.Contract.IsOnCall).ToList();
        return new RotaFigures(
            ContinuityScorer.Score(resolved).Institution,
            UncoveredHours(problem, validation),
            shifts.Sum(s => s.WorkingHours),
            shifts.Sum(s => s.PaidHours),
            shifts.Sum(s => s.PaidHours * rates.For(s.ShiftType.Kind)),
            problem.Caregivers.Sum(c => Math.Max(0, byCaregiver[c.Id].Sum(s => s.WorkingHours) - ContractHoursRule.Target(c, problem.Horizon))),
            Spread.Of(permanent.Select(c => (double)byCaregiver[c.Id].Count(s => s.ShiftType.IsNight))),
            Spread.Of(permanent.Select(c => (double)byCaregiver[c.Id].Select(s => Saturday(s.Date)).Where(d => d is not null).Distinct().Count())),
            validation.HardCount,
            validation.SoftCount);
    }

    /// <summary>Person-hours of posts left empty: each missing person on a day counts the shift's real length.</summary>
    private static double UncoveredHours(PlanningProblem problem, ValidationReport validation) =>
        validation.Violations
            .Where(v => v.Code == "coverage" && v.Severity == Severity.Hard && v.DemandId is not null)
            .Sum(v =>
            {
                var demand = problem.DemandsById[v.DemandId!];
                var hours = problem.ShiftTypeOf(demand).IntervalOn(v.From, problem.Institution.TimeZone).Duration.TotalHours;
                return Math.Max(0, (v.Limit ?? 0) - (v.Measured ?? 0)) * hours;
            });

    /// <summary>The Saturday of the weekend a Saturday or Sunday shift falls on.</summary>
    private static LocalDate? Saturday(LocalDate date) => date.DayOfWeek switch
    {
        IsoDayOfWeek.Saturday => date,
        IsoDayOfWeek.Sunday => date.PlusDays(-1),
        _ => null,
    };
}

/// <summary>How evenly something is shared across staff: lowest, mean and highest per person.</summary>
public sealed record Spread(double Min, double Mean, double Max)
{
    public static Spread Of(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? new Spread(0, 0, 0) : new Spread(list.Min(), list.Average(), list.Max());
    }
}
