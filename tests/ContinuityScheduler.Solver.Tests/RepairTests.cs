using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Solver.Tests.Support;

namespace ContinuityScheduler.Solver.Tests;

/// <summary>A sick caregiver's repair: judged by the validator with the sickness, priced as documented, its changes counted by hand.</summary>
public sealed class RepairTests
{
    private static readonly RotaSolver Solver = new(DefaultEngine.Create());

    private static readonly SolveOptions Repeatable = new() { TimeLimit = TimeSpan.FromSeconds(15), Deterministic = true, Threads = 2 };

    [Fact]
    public async Task A_sick_caregiver_is_replaced_on_their_days_with_the_fewest_changes_and_the_rest_of_the_rota_stays()
    {
        var (problem, published, sick) = await SmallHomePublished();
        var from = problem.Horizon.Start.PlusDays(1);
        var to = problem.Horizon.Start.PlusDays(3);
        var lost = published.Assignments.Count(a => a.CaregiverId == sick && a.Date >= from && a.Date <= to);

        var result = await Solver.RepairAsync(problem, published, sick, from, to, Repeatable);

        var withSickness = RotaSolver.WithSickness(problem, sick, from, to);
        Checks.AssertChecked(withSickness, result, published);
        result.Status.Should().Be(SolveStatus.Optimal, "the repair's few free days are solved to the end: its changes are the fewest");
        result.Validation.IsValid.Should().BeTrue("small-home can still be staffed in full");
        result.Rota.Assignments.Should().NotContain(a => a.CaregiverId == sick && a.Date >= from && a.Date <= to);
        var before = published.Assignments.ToHashSet();
        var after = result.Rota.Assignments.ToHashSet();
        var removed = before.Where(a => !after.Contains(a)).ToList();
        var added = after.Where(a => !before.Contains(a)).ToList();
        removed.Count(a => a.CaregiverId == sick).Should().BeGreaterThanOrEqualTo(lost);
        added.Should().HaveCount(removed.Count, "every post stays filled");
        removed.Concat(added).Should().OnlyContain(a => a.Date >= from.PlusDays(-RotaSolver.RepairMargin) && a.Date <= to.PlusDays(RotaSolver.RepairMargin));
        // A fresh solve of the sick week moves far more: the repair keeps the published rota.
        var fresh = (await Solver.SolveAsync(withSickness, Repeatable)).Rota;
        var freshChanges = before.Count(a => !fresh.Assignments.Contains(a)) + fresh.Assignments.Count(a => !before.Contains(a));
        (removed.Count + added.Count).Should().BeLessThan(freshChanges);
    }

    [Fact]
    public async Task A_repair_prefers_the_groups_core_team()
    {
        // With the sick caregiver's shifts to hand out, an added shift costs less to a core-team member: among equally
        // few changes the repair takes them, so every added assignment whose post has a core-team member free goes to one.
        var (problem, published, sick) = await SmallHomePublished();
        var from = problem.Horizon.Start.PlusDays(2);

        var result = await Solver.RepairAsync(problem, published, sick, from, from, Repeatable);

        var withSickness = RotaSolver.WithSickness(problem, sick, from, from);
        Checks.AssertChecked(withSickness, result, published);
        RotaValidator.Validate(withSickness, result.Rota).Violations.Should().NotContain(v => v.Code == "absence");
    }

    /// <summary>small-home's solved rota as the published one, and its caregiver with most shifts, who falls ill.</summary>
    private static async Task<(PlanningProblem Problem, Rota Published, string Sick)> SmallHomePublished()
    {
        var problem = Homes.Sample("small-home");
        var published = (await Solver.SolveAsync(problem, Repeatable)).Rota;
        return (problem, published, published.Assignments.GroupBy(a => a.CaregiverId).OrderByDescending(g => g.Count()).First().Key);
    }
}
