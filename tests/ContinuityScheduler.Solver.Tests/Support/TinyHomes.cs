using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Shifts;
using ContinuityScheduler.Solver.Model;
using CsCheck;
using NodaTime;

namespace ContinuityScheduler.Solver.Tests.Support;

/// <summary>
/// Homes small enough to try every rota: one group, two caregivers, one week, an early post on weekdays and a late one
/// on a day or two (at most a dozen assignment columns), contracts and rules varied, a baby with key persons.
/// </summary>
internal static class TinyHomes
{
    public static Gen<int> Any { get; } = Gen.Int[0, 1_000_000];

    public static PlanningProblem Build(int seed)
    {
        var random = new Random(seed);
        var monday = new LocalDate(2026, 11, 30);
        var types = new[]
        {
            new ShiftType("E", "Early", new LocalTime(7, 0), new LocalTime(15, 0), ShiftKind.Day),
            new ShiftType("L", "Late", new LocalTime(14, 0), new LocalTime(22, 0), ShiftKind.Day),
        };
        IsoDayOfWeek[] lateDays = random.Next(2) == 0 ? [IsoDayOfWeek.Wednesday] : [IsoDayOfWeek.Tuesday, IsoDayOfWeek.Friday];
        var demands = new[]
        {
            new Demand("early", ["g"], "E", weekdays: [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday]),
            new Demand("late", ["g"], "L", weekdays: lateDays),
        };
        var caregivers = new[] { "a", "b" }.Select(id => new Caregiver(id, id.ToUpperInvariant(),
            new Contract(new[] { 8, 16, 24, 32 }[random.Next(4)], random.Next(4) == 0 ? EmploymentType.Relief : EmploymentType.Permanent))).ToList();
        var rules = LabourRules.Default
            .With("contract-hours", new RuleSettings(true, Severity.Hard, new[] { 2, 8, 16 }[random.Next(3)], 1))
            .With("min-rest", new RuleSettings(true, Severity.Hard, new[] { 8, 11, 16 }[random.Next(3)]))
            .With("max-consecutive-days", new RuleSettings(true, Severity.Hard, new[] { 2, 3, 6 }[random.Next(3)]));
        var institution = new Institution("tiny", "Tiny", DateTimeZoneProviders.Tzdb["Europe/Copenhagen"], KeyMoments.Default, rules, ScoreWeights.Default);
        var baby = new Child("baby", monday.PlusYears(-1), [new GroupMembership("g", monday.PlusYears(-1))], [caregivers[random.Next(2)].Id]);
        var history = new History(monday.PlusDays(-7), random.Next(2) == 0 ? [new HistoryShift("a", monday.PlusDays(-1), "L", ["g"])] : []);
        return new PlanningProblem(institution, new Horizon(monday, 1), [new Group("g", "G", 2)], [baby], caregivers, types, demands, history);
    }

    /// <summary>
    /// The best rota by trying every subset of the model's columns: the fewest broken minimums (contract hours short,
    /// in hours), then the fewest uncovered person-shifts, then the least objective as docs/solver.md prices it. The
    /// other hard rules must hold, and no post may have more people than it asks for (the solver never overstaffs);
    /// null when no subset qualifies.
    /// </summary>
    public static (double Broken, int Uncovered, double Objective)? Best(PlanningProblem problem)
    {
        var model = RotaModelBuilder.Build(problem);
        var columns = model.Assignments.Keys.ToList();
        (double, int, double)? best = null;
        for (var mask = 0; mask < 1 << columns.Count; mask++)
        {
            var rota = new Rota(columns.Where((_, i) => (mask & (1 << i)) != 0).Select(k => new Assignment(k.CaregiverId, k.Date, k.DemandId)));
            var violations = RotaValidator.Validate(problem, rota).Violations;
            var hard = violations.Where(v => v.Severity == Severity.Hard).ToList();
            if (violations.Any(v => v.Code == "coverage" && v.Measured > v.Limit)
                || hard.Any(v => v.Code is not ("coverage" or "contract-hours") || (v.Code == "contract-hours" && v.Measured > v.Limit)))
            {
                continue;
            }

            var broken = hard.Where(v => v.Code == "contract-hours").Sum(v => v.Limit!.Value - v.Measured!.Value);
            var uncovered = (int)hard.Where(v => v.Code == "coverage").Sum(v => v.Limit!.Value - v.Measured!.Value);
            var value = (Math.Round(broken, 6), uncovered, IndependentObjective.Price(problem, rota));
            if (best is null || value.CompareTo(best.Value) < 0)
            {
                best = value;
            }
        }

        return best;
    }
}
