using ContinuityScheduler.Domain.Advice;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Scoring;
using ContinuityScheduler.Solver.Advice;
using ContinuityScheduler.Solver.Model;
using ContinuityScheduler.Solver.Tests.Support;
using static ContinuityScheduler.Solver.Tests.Support.AdviceHomes;

namespace ContinuityScheduler.Solver.Tests;

/// <summary>
/// Staffing advice on hand-made homes whose fewest hires is worked out by hand and found again by trying every set of
/// up to three candidate copies with the plain solver, judged by the validator. The advice's rota is judged by the
/// validator on the home with its hires added, never taken on the solver's word.
/// </summary>
public sealed class AdviceTests
{
    private static readonly AdviceSolver Advisor = new(DefaultEngine.Create());

    private static AdviceOptions Repeatable(HiresBy by = HiresBy.Count) => new()
    {
        Solve = new SolveOptions { TimeLimit = TimeSpan.FromSeconds(20), Deterministic = true },
        By = by,
    };

    private static Candidate Day(int maxCount = 2, double price = 1) => Candidate.Named("day", Exact16, [], [], maxCount, price);

    private static Candidate Night(int maxCount = 2, double price = 1) => Candidate.Named("night", Exact16, ["night"], [], maxCount, price);

    [Fact]
    public async Task The_fewest_hires_found_by_trying_every_set_is_what_the_advice_proves()
    {
        // A (40 h) works 5 of the 7 earlies; 2 earlies and 2 nights are left, and each 16 h hire works exactly 2 shifts,
        // only those with "night" on nights: at least 2 hires, and a night hire plus any other one do it.
        var problem = Home(nights: true, Staff("a", 40));
        IReadOnlyList<Candidate> candidates = [Day(), Night()];

        var advice = await Advisor.AdviseAsync(problem, candidates, Repeatable());

        var cheapest = await Cheapest(problem, candidates, byCost: false);
        cheapest.Should().NotBeNull();
        cheapest!.Value.Count.Should().Be(2, "the hand count");
        advice.Status.Should().Be(AdviceStatus.Proven);
        Checks.AssertProofTime(advice);
        advice.HireCount.Should().Be(cheapest.Value.Count);
        advice.Hires.Should().Contain(h => h.Candidate.Id == "night", "only a night hire can work the nights");
        AssertReachesTarget(problem, candidates, advice);
        advice.UncoveredBefore.Should().Be(4, "A alone leaves 2 earlies and 2 nights");
    }

    [Fact]
    public async Task A_home_that_is_already_covered_needs_no_hire()
    {
        // A (40 h) and B (16 h) work 5 + 2 = 7 earlies: every post is covered without anyone new.
        var problem = Home(nights: false, Staff("a", 40), Staff("b", 16));
        IReadOnlyList<Candidate> candidates = [Day()];

        var advice = await Advisor.AdviseAsync(problem, candidates, Repeatable());

        (await Cheapest(problem, candidates, byCost: false)).Should().Be((0, 0.0));
        advice.Status.Should().Be(AdviceStatus.Proven);
        Checks.AssertProofTime(advice);
        advice.Hires.Should().BeEmpty();
        AssertReachesTarget(problem, candidates, advice);
        advice.UncoveredBefore.Should().Be(0);
    }

    [Fact]
    public async Task Candidates_without_the_skill_a_post_needs_cannot_end_its_shortfall()
    {
        // The nights need "night" and no caregiver or candidate has it: no set of hires covers them.
        var problem = Home(nights: true, Staff("a", 40));
        IReadOnlyList<Candidate> candidates = [Day()];

        var advice = await Advisor.AdviseAsync(problem, candidates, Repeatable());

        (await Cheapest(problem, candidates, byCost: false)).Should().BeNull();
        advice.Status.Should().Be(AdviceStatus.Unreachable);
        Checks.AssertProofTime(advice);
        var uncovered = RotaValidator.Validate(advice.Problem, advice.Rota).Violations.Where(RotaSolver.IsShortfall).ToList();
        uncovered.Should().NotBeEmpty().And.OnlyContain(v => v.DemandId == "night", "the earlies can be covered by day hires");
        advice.Diagnosis.Should().Contain(line => line.StartsWith("Demand night", StringComparison.Ordinal) && line.Contains("2026-12-02", StringComparison.Ordinal));
        advice.Diagnosis.Should().Contain("No number of the hires offered covers every post: The posts needing night ask 16 h; the staff who may work them can work at most 0 h, the hires offered 0 h more.");
    }

    [Theory]
    [InlineData(HiresBy.Count, 1, 5.0)]
    [InlineData(HiresBy.Cost, 2, 2.0)]
    public async Task By_cost_a_cheaper_pair_beats_a_dearer_single(HiresBy by, int handCount, double handCost)
    {
        // One 32 h all-rounder with "night" (price 5) can work the 2 nights and the 2 earlies A leaves; a 16 h day
        // hire and a 16 h night hire (price 1 each) can too: the fewest is the single, the cheapest the pair.
        var problem = Home(nights: true, Staff("a", 40));
        IReadOnlyList<Candidate> candidates = [Candidate.Named("allround", new Contract(32), ["night"], [], 1, 5), Day(1), Night(1)];

        var advice = await Advisor.AdviseAsync(problem, candidates, Repeatable(by));

        var cheapest = await Cheapest(problem, candidates, byCost: by == HiresBy.Cost);
        cheapest.Should().Be((handCount, handCost), "worked out by hand");
        advice.Status.Should().Be(AdviceStatus.Proven);
        Checks.AssertProofTime(advice);
        advice.HireCount.Should().Be(cheapest!.Value.Count);
        advice.HireCost.Should().Be(cheapest.Value.Cost);
        AssertReachesTarget(problem, candidates, advice);
    }

    [Fact]
    public async Task A_score_target_every_covering_set_reaches_is_proven_with_the_fewest_that_cover()
    {
        // Any rota covering every post with 2 hires has 3 caregivers in the group's week, so each child's D̄w ≤ 3 holds
        // for it: the fewest hires for the target are the fewest that cover, 2, proven by the coverage alone.
        var problem = Home(nights: true, Staff("a", 40));
        IReadOnlyList<Candidate> candidates = [Day(), Night()];
        var options = Repeatable() with { Target = new AdviceTarget { DistinctPerWeekAtMost = 3 } };

        var advice = await Advisor.AdviseAsync(problem, candidates, options);

        (await Cheapest(problem, candidates, byCost: false))!.Value.Count.Should().Be(2);
        advice.Status.Should().Be(AdviceStatus.Proven);
        Checks.AssertProofTime(advice);
        advice.HireCount.Should().Be(2);
        AssertReachesTarget(problem, candidates, advice);
        ContinuityScorer.Score(advice.Problem, advice.Rota).Children.Should().OnlyContain(c => c.DistinctPerWeek <= 3);
        advice.TargetReached.Should().BeTrue();
    }

    [Theory]
    [InlineData(true, 2, AdviceStatus.Proven, 1)]
    [InlineData(false, 2, AdviceStatus.Proven, 2)]
    [InlineData(false, 1, AdviceStatus.Unreachable, 2)]
    public async Task Distinct_caregivers_a_week_take_the_hires_worked_out_by_hand(bool allRounderOffered, double atMost, AdviceStatus expected, int hires)
    {
        // A works 5 earlies; 2 earlies and 2 nights are left. Nights are outside the waking day, so a night hire is no
        // daytime contact: one 32 h all-rounder with "night" (all 4 shifts) or a 16 h day plus a 16 h night hire keep the
        // child's D̄w at 2, the fewest that cover. At most 1 no set reaches: the earlies ask 56 h of contact in the week and
        // nobody may work more than 40 h (A's contract; a hire's is 16 h), so the child's ceiling has D̄w ≥ 2 — unreachable,
        // said with the fewest hires that cover every post.
        var problem = Home(nights: true, Staff("a", 40));
        IReadOnlyList<Candidate> candidates = allRounderOffered ? [Candidate.Named("allround", new Contract(32), ["night"], [], 1), Day(1), Night(1)] : [Day(1), Night(1)];
        var options = Repeatable() with { Target = new AdviceTarget { DistinctPerWeekAtMost = atMost } };

        var advice = await Advisor.AdviseAsync(problem, candidates, options);

        advice.Status.Should().Be(expected);

        Checks.AssertProofTime(advice);
        advice.HireCount.Should().Be(hires);
        (await Cheapest(problem, candidates, byCost: false))!.Value.Count.Should().Be(allRounderOffered ? 1 : 2, "the fewest that cover, by trying every set");
        var most = ContinuityScorer.Score(advice.Problem, advice.Rota).Children.Max(c => c.DistinctPerWeek);
        advice.TargetReached.Should().Be(most <= atMost).And.Be(expected == AdviceStatus.Proven);
        if (expected == AdviceStatus.Proven)
        {
            AssertReachesTarget(problem, candidates, advice);
        }
        else
        {
            most.Should().BeGreaterThan(1);
            advice.TargetMisses.Should().ContainSingle().Which.Should().StartWith("distinct caregivers per week");
            advice.Diagnosis.Should().Contain("No rota reaches the target, whatever is hired: baby meets at least 2.0 distinct caregivers per week > 1.");
        }
    }

    [Fact]
    public void A_candidate_not_hired_has_no_contract_target_and_costs_nothing()
    {
        // A Monday to Friday and B on the weekend cover every early: the validator passes it on the home as it is, so
        // in the advice model (two 16 h candidates offered, neither working) it breaks no minimum, hires nobody, and is
        // priced as the documented objective prices it without them.
        var problem = Home(nights: false, Staff("a", 40), Staff("b", 16));
        var rota = new Rota(problem.Horizon.Dates.Select(d => new Assignment(d.DayOfWeek < NodaTime.IsoDayOfWeek.Saturday ? "a" : "b", d, "early")));
        RotaValidator.Validate(problem, rota).Violations.Where(v => v.Severity == Severity.Hard).Should().BeEmpty("the test's rota is valid");
        IReadOnlyList<Candidate> candidates = [Day()];

        var model = RotaModelBuilder.Build(Candidate.WithHires(problem, candidates), hiring: Hiring.Of(candidates, byCost: false));

        var values = model.ValuesFor(rota);
        model.Breaks(rota).Should().BeEmpty();
        model.Mip.Levels.Select(l => l.Evaluate(values)).Should().OnlyContain(v => v == 0);
        model.Mip.Evaluate(values).Should().BeApproximately(IndependentObjective.Price(problem, rota), 1e-6);
    }

    /// <summary>The rota names only the staff and the hires, and on the home with those hires added it keeps every hard rule and covers every post.</summary>
    private static void AssertReachesTarget(PlanningProblem problem, IReadOnlyList<Candidate> candidates, AdviceResult advice)
    {
        var hired = advice.Hires.SelectMany(h => h.CopyIds).ToHashSet();
        advice.Rota.Assignments.Select(a => a.CaregiverId).Should().OnlyContain(id => problem.CaregiversById.ContainsKey(id) || hired.Contains(id));
        var staffed = Candidate.WithHires(problem, candidates, hired);
        var report = RotaValidator.Validate(staffed, advice.Rota);
        report.Violations.Where(v => v.Severity == Severity.Hard).Should().BeEmpty("the advice's rota keeps every hard rule and covers every post");
        advice.UncoveredAfter.Should().Be(0);
        advice.ContinuityAfter.WeightedMean.Should().Be(ContinuityScorer.Score(staffed, advice.Rota).Institution.WeightedMean);
    }
}
