using ContinuityScheduler.Domain.Advice;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using NodaTime;

namespace ContinuityScheduler.Solver.Tests.Support;

/// <summary>
/// Hand-made one-week homes for staffing advice: one group, an early post every day (7 × 8 h), optionally a night
/// post on Wednesday and Thursday that needs the skill "night" (23:00–07:00). Contracts are exact (tolerance 0), so a
/// caregiver of h hours works exactly h / 8 shifts: counts of hires can be worked out by hand.
/// </summary>
internal static class AdviceHomes
{
    public static readonly Contract Exact16 = new(16);

    public static PlanningProblem Home(bool nights, params Caregiver[] staff)
    {
        var rules = LabourRules.Default
            .With("contract-hours", new RuleSettings(true, Severity.Hard, 0, 1))
            // Free weekends count four weeks back: a one-week home without history would judge them by guesswork.
            .With("free-weekends", LabourRules.Default["free-weekends"] with { Enabled = false });
        var institution = new Institution("advice", "Advice", DateTimeZoneProviders.Tzdb["Europe/Copenhagen"], KeyMoments.Default, rules, ScoreWeights.Default);
        var types = new[]
        {
            new ShiftType("E", "Early", new LocalTime(7, 0), new LocalTime(15, 0), ShiftKind.Day),
            new ShiftType("N", "Night", new LocalTime(23, 0), new LocalTime(7, 0), ShiftKind.WakingNight),
        };
        var early = new Demand("early", ["g"], "E");
        var night = new Demand("night", ["g"], "N", skills: ["night"], weekdays: [IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday]);
        var monday = new LocalDate(2026, 11, 30);
        var baby = new Child("baby", monday.PlusYears(-1), [new GroupMembership("g", monday.PlusYears(-1))]);
        return new PlanningProblem(institution, new Horizon(monday, 1), [new Group("g", "G")], [baby], staff, types, nights ? [early, night] : [early]);
    }

    public static Caregiver Staff(string id, double hours, params string[] skills) => new(id, id.ToUpperInvariant(), new Contract(hours), skills);

    /// <summary>
    /// The least hire count or cost, by trying every set of up to three candidate copies with the plain solver and
    /// keeping those whose rota the validator finds without any hard violation, uncovered posts included; null when none.
    /// </summary>
    public static async Task<(int Count, double Cost)?> Cheapest(PlanningProblem problem, IReadOnlyList<Candidate> candidates, bool byCost)
    {
        var solver = new RotaSolver(DefaultEngine.Create());
        var copies = candidates.SelectMany(c => c.CopyIds.Select(id => (Id: id, c.Price))).ToList();
        (int Count, double Cost)? best = null;
        for (var mask = 0; mask < 1 << copies.Count; mask++)
        {
            var chosen = copies.Where((_, i) => (mask & (1 << i)) != 0).ToList();
            if (chosen.Count > 3)
            {
                continue;
            }

            var staffed = Candidate.WithHires(problem, candidates, chosen.Select(c => c.Id).ToHashSet());
            var result = await solver.SolveAsync(staffed, new SolveOptions { TimeLimit = TimeSpan.FromSeconds(5), Deterministic = true });
            if (RotaValidator.Validate(staffed, result.Rota).Violations.Any(v => v.Severity == Severity.Hard))
            {
                continue;
            }

            var value = (chosen.Count, chosen.Sum(c => c.Price));
            if (best is null || (byCost ? (value.Item2, value.Count).CompareTo((best.Value.Cost, best.Value.Count)) : value.CompareTo(best.Value)) < 0)
            {
                best = value;
            }
        }

        return best;
    }
}
