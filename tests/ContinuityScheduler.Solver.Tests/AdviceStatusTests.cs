using ContinuityScheduler.Domain.Advice;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Scoring;
using ContinuityScheduler.Solver.Advice;
using ContinuityScheduler.Solver.Engine;
using ContinuityScheduler.Solver.Model;
using ContinuityScheduler.Solver.Tests.Support;
using NodaTime;
using static ContinuityScheduler.Solver.Tests.Support.AdviceHomes;

namespace ContinuityScheduler.Solver.Tests;

/// <summary>
/// Each branch of the advice's status logic, reached with a stub engine whose answers the test chooses: the status
/// must follow from what was proven and from the validator's and the scorer's verdict on the rota, never from the
/// engine's word alone.
/// </summary>
public sealed class AdviceStatusTests
{
    // A (40 h) works the 5 weekday earlies; 2 weekend earlies and the Wednesday and Thursday nights are left.
    private static readonly PlanningProblem Problem = Home(nights: true, Staff("a", 40));

    private static readonly IReadOnlyList<Candidate> Candidates =
        [Candidate.Named("day", Exact16, [], [], 2), Candidate.Named("night", Exact16, ["night"], [], 2)];

    private static readonly Rota Plain = new(Problem.Horizon.Dates.Where(Weekday).Select(d => new Assignment("a", d, "early")));

    /// <summary>The plain rota, a day hire on the weekend and a night hire on the nights: every post covered with 2 hires.</summary>
    private static readonly Rota Covered = new([.. Plain.Assignments,
        .. Problem.Horizon.Dates.Where(d => !Weekday(d)).Select(d => new Assignment("day-1", d, "early")),
        .. Problem.Horizon.Dates.Where(d => d.DayOfWeek is IsoDayOfWeek.Wednesday or IsoDayOfWeek.Thursday).Select(d => new Assignment("night-1", d, "night"))]);

    /// <summary>
    /// The same home with the night copies forbidden the Wednesday night, which only they could work: no rota covers it,
    /// though the count (which knows no pins) asks 2 hires. The greedy start covers the weekend with a day copy; a night
    /// copy could work only the Thursday night, short of its exact 16 h, so it is not hired: both nights stay uncovered.
    /// </summary>
    private static readonly PlanningProblem Blocked = new(Problem.Institution, Problem.Horizon, Problem.Groups, Problem.Children, Problem.Caregivers,
        Problem.ShiftTypes, Problem.Demands, Problem.History, [.. new[] { "night-1", "night-2" }.Select(id => new Pin(PinKind.Forbid, id, new LocalDate(2026, 12, 2), "night"))]);

    /// <summary>Two babies, X with key person A and Y with B (both 40 h, contracts not enforced), and one early post a day.</summary>
    private static readonly PlanningProblem TwoKeyPersons = new(
        new Institution("two", "Two", Problem.Institution.TimeZone, KeyMoments.Default, Problem.Institution.LabourRules.With("contract-hours", Problem.Institution.LabourRules["contract-hours"] with { Enabled = false }), ScoreWeights.Default),
        Problem.Horizon,
        Problem.Groups,
        [.. new[] { ("x", "a"), ("y", "b") }.Select(c => new Child(c.Item1, Problem.Horizon.Start.PlusYears(-1), [new GroupMembership("g", Problem.Horizon.Start.PlusYears(-1))], [c.Item2]))],
        [Staff("a", 40), Staff("b", 40)],
        Problem.ShiftTypes,
        [.. Problem.Demands.Where(d => d.Id == "early")]);

    private static AdviceOptions Options(AdviceTarget? target = null, HiresBy by = HiresBy.Count) => new()
    {
        Solve = new SolveOptions { TimeLimit = TimeSpan.FromSeconds(20), Deterministic = true, Start = Plain },
        Target = target ?? new AdviceTarget(),
        By = by,
    };

    private static bool Weekday(LocalDate date) => date.DayOfWeek < IsoDayOfWeek.Saturday;

    /// <summary>The values of a rota in the advice model, as the advice builds it (same home, same candidates, same order).</summary>
    private static IReadOnlyList<double> AdviceValues(Rota rota, PlanningProblem? problem = null) =>
        RotaModelBuilder.Build(Candidate.WithHires(problem ?? Problem, Candidates), hiring: Hiring.Of(Candidates, byCost: false)).ValuesFor(rota);

    /// <summary>A stub that answers the plain solve with its start (every level proven) and the advice models as told.</summary>
    private static StubEngine Engine(Func<MipModel, MipOptions, StubAnswer> advice) =>
        new((model, options) => StubEngine.IsAdvice(model) ? advice(model, options) : StubAnswer.Start(options));

    /// <summary>A stub on a hand-driven clock: the plain solve at once, each advice model in 50 s with its proven levels proven at 3 s.</summary>
    private static (StubEngine Engine, ManualTime Time) Timed(Func<MipModel, MipOptions, IReadOnlyList<double>?> values, Func<string, bool> proven)
    {
        var time = new ManualTime();
        var engine = new StubEngine((model, options) => StubEngine.IsAdvice(model) ? new StubAnswer(values(model, options), proven, Seconds: 50, ProvenAt: 3) : StubAnswer.Start(options), time);
        return (engine, time);
    }

    [Fact]
    public async Task For_coverage_alone_the_answer_is_proven_when_the_engines_levels_are()
    {
        var (engine, time) = Timed((_, _) => AdviceValues(Covered), _ => true);

        var advice = await new AdviceSolver(engine, time: time).AdviseAsync(Problem, Candidates, Options());

        advice.Status.Should().Be(AdviceStatus.Proven);
        advice.ProvenSeconds.Should().Be(3, "the levels were proven 3 s into the engine's run, which started at 0");
        advice.Seconds.Should().Be(50, "the rest of the run went on the rota");
    }

    [Fact]
    public async Task With_a_score_bound_the_answer_is_proven_only_once_the_scorer_has_judged_the_rota()
    {
        // The levels prove the fewest hires that cover at 3 s; that they also reach the bound is known only from the rota the run ends with.
        var (engine, time) = Timed((_, _) => AdviceValues(Covered), _ => true);

        var advice = await new AdviceSolver(engine, time: time).AdviseAsync(Problem, Candidates, Options(new AdviceTarget { LowestChildAtLeast = 1 }));

        advice.Status.Should().Be(AdviceStatus.Proven);
        advice.TargetReached.Should().BeTrue();
        advice.ProvenSeconds.Should().Be(50);
    }

    [Fact]
    public async Task Proven_by_the_count_the_answer_is_proven_when_the_start_with_that_many_hires_was_judged()
    {
        var (engine, time) = Timed((_, _) => null, _ => false);

        var advice = await new AdviceSolver(engine, time: time).AdviseAsync(Problem, Candidates, Options());

        advice.Status.Should().Be(AdviceStatus.Proven, "the greedy start covers with the 2 hires the count asks");
        advice.ProvenSeconds.Should().Be(0, "the start was in hand before the engine ran");
        advice.Seconds.Should().Be(50);
    }

    [Fact]
    public async Task Posts_proven_uncovered_are_unreachable_from_when_the_uncovered_level_was_proven()
    {
        var (engine, time) = Timed((_, options) => options.Start, _ => true);

        var advice = await new AdviceSolver(engine, time: time).AdviseAsync(Blocked, Candidates, Options());

        advice.Status.Should().Be(AdviceStatus.Unreachable);
        advice.ProvenSeconds.Should().Be(3);
    }

    [Fact]
    public void The_tests_rotas_are_what_they_claim()
    {
        var staffed = Candidate.WithHires(Problem, Candidates, new HashSet<string> { "day-1", "night-1" });
        RotaValidator.Validate(staffed, Covered).Violations.Where(v => v.Severity == Severity.Hard).Should().BeEmpty();
        RotaSolver.Shortfall(RotaValidator.Validate(Problem, Plain)).Should().Be(4);
    }

    [Theory]
    [InlineData(true, AdviceStatus.Proven)]
    [InlineData(false, AdviceStatus.BestFound)]
    public async Task By_cost_a_covering_rota_is_proven_only_when_the_hires_level_is(bool hiresProven, AdviceStatus expected)
    {
        // By cost the count of hires proves nothing about their price: only the engine's hires level can.
        var engine = Engine((_, _) => new StubAnswer(AdviceValues(Covered), level => level != RotaModel.HiresLevel || hiresProven));

        var advice = await new AdviceSolver(engine).AdviseAsync(Problem, Candidates, Options(by: HiresBy.Cost));

        advice.Status.Should().Be(expected);

        Checks.AssertProofTime(advice);
        advice.HireCount.Should().Be(2);
        RotaValidator.Validate(advice.Problem, advice.Rota).Violations.Where(v => v.Severity == Severity.Hard).Should().BeEmpty();
        advice.TargetReached.Should().BeTrue();
    }

    [Theory]
    [InlineData(HiresBy.Count, AdviceStatus.Proven)]
    [InlineData(HiresBy.Cost, AdviceStatus.BestFound)]
    public async Task Without_any_answer_from_the_engine_the_greedy_start_stands_proven_by_the_count_of_hires(HiresBy by, AdviceStatus expected)
    {
        // A works 40 of the 72 hours asked; each copy at most 16 more: 2 hires at least, and the greedy start covers with 2.
        var engine = Engine((_, _) => StubAnswer.Nothing);

        var advice = await new AdviceSolver(engine).AdviseAsync(Problem, Candidates, Options(by: by));

        HiresLowerBound.Of(Problem, Candidates).Least.Should().Be(2);
        advice.Status.Should().Be(expected, "the count proves the fewest hires, never the cheapest");
        Checks.AssertProofTime(advice);
        advice.HireCount.Should().Be(2);
        RotaValidator.Validate(advice.Problem, advice.Rota).Violations.Where(v => v.Severity == Severity.Hard).Should().BeEmpty();
        engine.Seen.Where(StubEngine.IsAdvice).Should().OnlyContain(m => m.Constraints.Any(c => c.Rule == "advice:hires-counted" && c.RightHandSide == 2));
    }

    [Fact]
    public async Task Without_any_answer_from_the_engine_and_no_rota_covering_the_status_is_unknown()
    {
        var engine = Engine((_, _) => StubAnswer.Nothing);

        var advice = await new AdviceSolver(engine).AdviseAsync(Blocked, Candidates, Options());

        advice.Status.Should().Be(AdviceStatus.Unknown, "nothing was proven and nothing covers every post");

        Checks.AssertProofTime(advice);
        RotaSolver.Shortfall(RotaValidator.Validate(advice.Problem, advice.Rota)).Should().Be(2, "the greedy start covers the weekend, not the nights");
        advice.Diagnosis.Should().Contain(line => line.StartsWith("Demand night", StringComparison.Ordinal) && line.Contains("2026-12-02", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_a_score_bound_the_time_kept_for_it_goes_on_coverage_while_no_rota_covers_every_post()
    {
        var engine = Engine((_, _) => StubAnswer.Nothing);

        var advice = await new AdviceSolver(engine).AdviseAsync(Blocked, Candidates, Options(new AdviceTarget { LowestChildAtLeast = 1 }));

        engine.Seen.Count(StubEngine.IsAdvice).Should().Be(2, "a second coverage solve, no hires-at-least one");
        engine.Seen.Should().NotContain(m => m.Constraints.Any(c => c.Rule == "advice:hires-at-least"));
        advice.Status.Should().Be(AdviceStatus.Unknown);
        Checks.AssertProofTime(advice);
        RotaSolver.Shortfall(RotaValidator.Validate(advice.Problem, advice.Rota)).Should().Be(2);
    }

    [Fact]
    public async Task Posts_left_uncovered_are_unreachable_only_when_the_uncovered_level_is_proven()
    {
        var proven = Engine((_, options) => StubAnswer.Start(options));
        var unproven = Engine((_, options) => new StubAnswer(options.Start, level => level != RotaModel.UncoveredLevel));

        var unreachable = await new AdviceSolver(proven).AdviseAsync(Blocked, Candidates, Options());
        var unknown = await new AdviceSolver(unproven).AdviseAsync(Blocked, Candidates, Options());

        unreachable.Status.Should().Be(AdviceStatus.Unreachable);
        unknown.Status.Should().Be(AdviceStatus.Unknown);
        Checks.AssertProofTime(unreachable);
        Checks.AssertProofTime(unknown);
        RotaSolver.Shortfall(RotaValidator.Validate(unreachable.Problem, unreachable.Rota)).Should().Be(2, "the validator's count, not the engine's");
    }

    [Fact]
    public async Task An_advice_rota_worse_than_its_start_gives_way_to_the_start()
    {
        // The engine answers with an empty rota: 9 posts uncovered against the start's 2.
        var engine = Engine((model, _) => new StubAnswer(new double[model.Variables.Count], _ => false));

        var advice = await new AdviceSolver(engine).AdviseAsync(Blocked, Candidates, Options());

        advice.Rota.Assignments.Should().Contain(Plain.Assignments);
        advice.UncoveredAfter.Should().Be(2);
        advice.Status.Should().Be(AdviceStatus.Unknown);
        Checks.AssertProofTime(advice);
    }

    [Fact]
    public async Task An_advice_rota_covering_more_but_breaking_a_contracts_minimum_gives_way_to_the_start()
    {
        // The engine's rota also covers the Thursday night, with a night copy working 8 of its exact 16 h: in the
        // levels' order a broken minimum weighs more than an uncovered post, so the greedy start (2 nights uncovered) stays.
        var thursday = new Assignment("night-1", new LocalDate(2026, 12, 3), "night");
        var weekend = Problem.Horizon.Dates.Where(d => !Weekday(d)).Select(d => new Assignment("day-1", d, "early"));
        var engine = Engine((_, _) => new StubAnswer(AdviceValues(new Rota([.. Plain.Assignments, .. weekend, thursday]), Blocked), _ => false));

        var advice = await new AdviceSolver(engine).AdviseAsync(Blocked, Candidates, Options());

        advice.Rota.Assignments.Should().NotContain(thursday);
        advice.UncoveredAfter.Should().Be(2);
        RotaValidator.Validate(advice.Problem, advice.Rota).Violations.Where(v => v.Severity == Severity.Hard).Should().OnlyContain(v => RotaSolver.IsShortfall(v));
    }

    [Fact]
    public async Task A_plain_rota_that_reaches_the_target_is_the_answer_at_once_with_no_advice_model()
    {
        // The plain rota already keeps every rule and covers every post: 0 hires, proven without a hires model.
        var problem = Home(nights: false, Staff("a", 40), Staff("b", 16));
        var rota = new Rota(problem.Horizon.Dates.Select(d => new Assignment(Weekday(d) ? "a" : "b", d, "early")));
        var engine = Engine((_, _) => throw new InvalidOperationException("no advice model should be solved"));
        var options = new AdviceOptions
        {
            Solve = new SolveOptions { TimeLimit = TimeSpan.FromSeconds(20), Deterministic = true, Start = rota },
            Target = new AdviceTarget { LowestChildAtLeast = 1 },
        };

        var advice = await new AdviceSolver(engine).AdviseAsync(problem, Candidates, options);

        advice.Status.Should().Be(AdviceStatus.Proven);

        Checks.AssertProofTime(advice);
        advice.Hires.Should().BeEmpty();
        engine.Seen.Should().ContainSingle().Which.Levels.Should().NotContain(l => l.Name == RotaModel.HiresLevel);
        RotaValidator.Validate(advice.Problem, advice.Rota).Violations.Where(v => v.Severity == Severity.Hard).Should().BeEmpty();
        advice.ContinuityAfter.Min.Should().BeGreaterThanOrEqualTo(1).And.Be(ContinuityScorer.Score(problem, advice.Rota).Institution.Min);
    }

    [Fact]
    public async Task A_score_bound_above_a_childs_ceiling_is_unreachable_without_trying_more_hires()
    {
        // Every covering rota of this home scores the baby 90 (an early is on duty at each wake-up, nobody at bedtime: key
        // moments ½), and so does its ceiling: 101 is out of reach, said after the coverage solve with its 2 hires.
        var engine = Engine((_, _) => new StubAnswer(AdviceValues(Covered), _ => true));

        var advice = await new AdviceSolver(engine).AdviseAsync(Problem, Candidates, Options(new AdviceTarget { LowestChildAtLeast = 101 }));

        advice.Status.Should().Be(AdviceStatus.Unreachable);

        Checks.AssertProofTime(advice);
        advice.HireCount.Should().Be(2);
        advice.Diagnosis.Should().Contain(line => line.StartsWith("No rota reaches the target, whatever is hired: baby can score at most 90.0 < 101", StringComparison.Ordinal));
        engine.Seen.Should().NotContain(m => m.Constraints.Any(c => c.Rule == "advice:hires-at-least"));
        RotaValidator.Validate(advice.Problem, advice.Rota).Violations.Where(v => v.Severity == Severity.Hard).Should().BeEmpty("the rota shown still covers every post");
    }

    [Fact]
    public async Task A_score_bound_no_rota_found_reaches_is_unknown_after_trying_more_hires_while_the_time_lasts()
    {
        // X's key person is A, Y's is B, and one early a day is all there is: a day A works B does not, so the lower of
        // the two babies sees their key person on at most 3 of 7 days (75.7), though each alone could on 6 (ceiling 86.4,
        // which proves nothing for 80). The stub answers every solve with A Monday to Thursday, B Friday to Sunday: one
        // hire more is tried each time while the time lasts, and the status stays unknown.
        var rota = new Rota(TwoKeyPersons.Horizon.Dates.Select(d => new Assignment(d.DayOfWeek <= IsoDayOfWeek.Thursday ? "a" : "b", d, "early")));
        var engine = Engine((_, _) => new StubAnswer(AdviceValues(rota, TwoKeyPersons), _ => true));
        var options = Options(new AdviceTarget { LowestChildAtLeast = 80 });

        var advice = await new AdviceSolver(engine).AdviseAsync(TwoKeyPersons, Candidates, options with { Solve = options.Solve with { Start = rota } });

        ScoreCeiling.Of(TwoKeyPersons).Should().OnlyContain(c => c.Score > 86 && c.Score < 87);
        advice.Status.Should().Be(AdviceStatus.Unknown);
        Checks.AssertProofTime(advice);
        advice.TargetReached.Should().BeFalse();
        advice.TargetMisses.Should().ContainSingle().Which.Should().Be("lowest child 75.7 < 80");
        advice.Diagnosis.Should().Contain(line => line.StartsWith("Not proven out of reach: the lowest child's ceiling is x's 86.4 (core share at most 1.00, key-person days at most 0.86", StringComparison.Ordinal));
        engine.Seen.Select(m => m.Constraints.SingleOrDefault(c => c.Rule == "advice:hires-at-least")?.RightHandSide).Should().Equal(null, null, 1.0, 2.0, 3.0);
        RotaValidator.Validate(advice.Problem, advice.Rota).Violations.Where(v => v.Severity == Severity.Hard).Should().BeEmpty("the best rota found still covers every post");
        advice.ContinuityAfter.Min.Should().Be(ContinuityScorer.Score(advice.Problem, advice.Rota).Institution.Min).And.BeLessThan(80);
    }
}
