using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Scoring;
using ContinuityScheduler.Solver.Advice;
using ContinuityScheduler.Solver.Tests.Support;
using NodaTime;

namespace ContinuityScheduler.Solver.Tests;

/// <summary>
/// The leave-one-out view on a hand-made home (<see cref="LeaveOneOutHome"/>) whose uncovered posts without each
/// caregiver are known by hand; every figure is recomputed here by the validator and the scorer on the returned rota,
/// on the home with the caregiver absent built in the test.
/// </summary>
public sealed class LeaveOneOutTests
{
    private static readonly SolveOptions Repeatable = new() { TimeLimit = TimeSpan.FromSeconds(10), Deterministic = true };

    private static readonly LeaveOneOutSolver Solver = new(DefaultEngine.Create());

    [Fact]
    public async Task The_only_caregiver_with_a_needed_skill_leaves_posts_uncovered_and_is_ranked_first()
    {
        var (problem, published) = await Published();

        var result = await Solver.LeaveOneOutAsync(problem, published, new LeaveOneOutOptions { Solve = Repeatable with { TimeLimit = TimeSpan.FromSeconds(25) } });

        result.Complete.Should().BeTrue();
        result.UncoveredBefore.Should().Be(0);
        result.Caregivers.Select(r => r.CaregiverId).Should().BeEquivalentTo(["a", "b", "c", "d", "nina"]);
        var first = result.Caregivers[0];
        first.CaregiverId.Should().Be("nina", "only her absence leaves posts uncovered");
        first.Uncovered.Should().Be(2, "nobody else may work the two nights");
        first.UncoveredProven.Should().BeTrue();
        var earlies = published.Assignments.Count(a => a.CaregiverId == "nina" && a.DemandId != "night");
        first.ShiftsLost.Should().Be(2 + earlies);
        first.Changes.Should().Be(earlies, "nobody can take her nights, so only the earlies she worked are handed on");
        result.Caregivers.Skip(1).Should().OnlyContain(r => r.Uncovered == 0 && r.OtherHardViolations == 0, "the others' earlies can be absorbed");
        result.Caregivers.Skip(1).Select(r => r.Drop).Should().BeInDescendingOrder("after the uncovered, the largest loss of continuity first");
    }

    [Fact]
    public async Task A_caregiver_whose_absence_the_others_absorb_leaves_nothing_uncovered_and_the_repair_only_replaces_their_shifts()
    {
        var (problem, published) = await Published();
        var leaver = published.Assignments.Where(a => a.CaregiverId != "nina").GroupBy(a => a.CaregiverId).OrderBy(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var lost = published.Assignments.Where(a => a.CaregiverId == leaver).ToList();

        var result = await Solver.LeaveOneOutAsync(problem, published, new LeaveOneOutOptions { Solve = Repeatable, Caregivers = [leaver] });

        var record = result.Caregivers.Should().ContainSingle().Subject;
        record.Uncovered.Should().Be(0);
        record.ShiftsLost.Should().Be(lost.Count);
        var validation = RotaValidator.Validate(Absent(problem, leaver), record.Rota);
        validation.Violations.Where(v => v.Severity == Severity.Hard).Should().BeEmpty("every post is covered within the rules");
        var before = published.Assignments.ToHashSet();
        var after = record.Rota.Assignments.ToHashSet();
        after.Should().NotContain(a => a.CaregiverId == leaver, "the leaver's shifts are gone");
        before.Where(a => !after.Contains(a)).Should().BeEquivalentTo(lost, "the colleagues' shifts stay as they were");
        var added = after.Where(a => !before.Contains(a)).ToList();
        added.Select(a => (a.Date, a.DemandId)).Should().BeEquivalentTo(lost.Select(a => (a.Date, a.DemandId)), "each lost shift is taken by one colleague, nothing else moves");
        record.Changes.Should().Be(added.Count);
    }

    [Fact]
    public async Task Each_caregivers_figures_are_the_validators_and_the_scorers_on_the_returned_rota()
    {
        var (problem, published) = await Published();
        var scoredBefore = ContinuityScorer.Score(problem, published);

        var result = await Solver.LeaveOneOutAsync(problem, published, new LeaveOneOutOptions { Solve = Repeatable with { TimeLimit = TimeSpan.FromSeconds(25) } });

        result.ContinuityBefore.Should().BeEquivalentTo(scoredBefore.Institution);
        foreach (var record in result.Caregivers)
        {
            var absent = Absent(problem, record.CaregiverId);
            var violations = RotaValidator.Validate(absent, record.Rota).Violations;
            var hard = violations.Where(v => v.Severity == Severity.Hard).ToList();
            var uncovered = hard.Where(v => v.Code == "coverage" && v.Measured < v.Limit).Sum(v => v.Limit!.Value - v.Measured!.Value);
            record.Uncovered.Should().Be(uncovered, record.CaregiverId);
            record.OtherHardViolations.Should().Be(hard.Count(v => !(v.Code == "coverage" && v.Measured < v.Limit)));
            var scored = ContinuityScorer.Score(absent, record.Rota);
            record.WeightedMeanBefore.Should().Be(scoredBefore.Institution.WeightedMean);
            record.WeightedMeanAfter.Should().Be(scored.Institution.WeightedMean);
            record.LowestBefore.Should().Be(scoredBefore.Institution.Min);
            record.LowestAfter.Should().Be(scored.Institution.Min);
            var falls = scoredBefore.Children
                .Select(c => (c.ChildId, c.UnderThree, Before: c.Score, After: scored.Children.Single(s => s.ChildId == c.ChildId).Score))
                .Where(c => c.Before - c.After > 1e-9)
                .OrderByDescending(c => c.Before - c.After)
                .Take(3)
                .ToList();
            record.ChildrenFallingMost.Select(c => (c.ChildId, c.UnderThree, c.Before, c.After)).Should().Equal(falls);
            var groupFalls = scoredBefore.Groups
                .Select(g => (g.GroupId, Drop: g.Summary.WeightedMean - scored.Groups.Single(s => s.GroupId == g.GroupId).Summary.WeightedMean))
                .Where(g => g.Drop > 1e-9)
                .OrderByDescending(g => g.Drop)
                .ToList();
            record.GroupLosingMost?.GroupId.Should().Be(groupFalls.Count > 0 ? groupFalls[0].GroupId : null);
            (record.GroupLosingMost is null).Should().Be(groupFalls.Count == 0);
            var changes = published.Assignments.Count(a => a.CaregiverId != record.CaregiverId && !record.Rota.Assignments.Contains(a))
                + record.Rota.Assignments.Count(a => !published.Assignments.Contains(a));
            record.Changes.Should().Be(changes);
        }

        result.Caregivers.Should().Contain(r => r.Drop > 0, "some absence costs continuity: the figures are not all zero");
    }

    [Theory]
    [InlineData("a")]
    [InlineData("d")]
    [InlineData("nina")]
    public async Task The_repairs_start_hands_lost_shifts_only_to_colleagues_whose_rules_allow_them(string leaver)
    {
        var (problem, published) = await Published();
        var absent = Absent(problem, leaver);

        var start = LeaveOneOutStart.Absorb(absent, published, leaver);

        RotaValidator.Validate(absent, start).Violations.Where(v => v.Severity == Severity.Hard && !RotaSolver.IsShortfall(v)).Should().BeEmpty();
        start.Assignments.Should().NotContain(a => a.CaregiverId == leaver);
        start.Assignments.Should().Contain(published.Assignments.Where(a => a.CaregiverId != leaver), "nothing of the colleagues' is taken away");
        var added = start.Assignments.Except(published.Assignments).ToList();
        var lost = published.Assignments.Where(a => a.CaregiverId == leaver).ToList();
        var expected = leaver == "nina" ? lost.Count(a => a.DemandId != "night") : lost.Count;
        added.Should().HaveCount(expected, "every early can be handed on, no night can");
    }

    [Fact]
    public async Task Cancelling_after_the_first_caregiver_returns_that_one_and_says_the_view_is_incomplete()
    {
        var (problem, published) = await Published();
        using var cancellation = new CancellationTokenSource();

        var result = await Solver.LeaveOneOutAsync(problem, published, new LeaveOneOutOptions { Solve = Repeatable, Caregivers = ["a", "b", "c"] }, new Listener(_ => cancellation.Cancel()), cancellation.Token);

        result.Complete.Should().BeFalse();
        result.Caregivers.Select(r => r.CaregiverId).Should().Equal(["a"]);
    }

    [Fact]
    public async Task A_cancellation_as_the_last_caregiver_ends_still_says_the_view_may_be_incomplete()
    {
        // A repair cut short by the cancellation looks like one that ended as it came: either way the view is not vouched for.
        var (problem, published) = await Published();
        using var cancellation = new CancellationTokenSource();

        var result = await Solver.LeaveOneOutAsync(problem, published, new LeaveOneOutOptions { Solve = Repeatable, Caregivers = ["a"] }, new Listener(_ => cancellation.Cancel()), cancellation.Token);

        result.Caregivers.Select(r => r.CaregiverId).Should().Equal(["a"]);
        result.Complete.Should().BeFalse();
    }

    [Fact]
    public async Task An_unknown_caregiver_is_refused()
    {
        var (problem, published) = await Published();

        var act = () => Solver.LeaveOneOutAsync(problem, published, new LeaveOneOutOptions { Solve = Repeatable, Caregivers = ["nobody"] });

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*nobody*");
    }

    /// <summary>The home's solved rota, checked to keep every hard rule and cover every post, as the published one.</summary>
    private static async Task<(PlanningProblem Problem, Rota Published)> Published()
    {
        var problem = LeaveOneOutHome.Build();
        var published = (await new RotaSolver(DefaultEngine.Create()).SolveAsync(problem, Repeatable)).Rota;
        RotaValidator.Validate(problem, published).Violations.Where(v => v.Severity == Severity.Hard).Should().BeEmpty("the test starts from a valid rota");
        return (problem, published);
    }

    /// <summary>The home with the caregiver on leave for the whole horizon, built here rather than by the code under test.</summary>
    private static PlanningProblem Absent(PlanningProblem problem, string caregiverId) =>
        new(problem.Institution, problem.Horizon, problem.Groups, problem.Children,
            problem.Caregivers.Select(c => c.Id != caregiverId ? c
                : new Caregiver(c.Id, c.Name, c.Contract, c.Skills, c.AllowedGroups, [.. c.Absences, new Absence(AbsenceKind.Leave, new DateInterval(problem.Horizon.Start, problem.Horizon.End))], c.Wishes, c.ExternalId)),
            problem.ShiftTypes, problem.Demands, problem.History, problem.Pins);

    /// <summary>Reports on the solver's thread, before the next caregiver starts.</summary>
    private sealed class Listener(Action<LeaveOneOutCaregiver> report) : IProgress<LeaveOneOutCaregiver>
    {
        public void Report(LeaveOneOutCaregiver value) => report(value);
    }
}
