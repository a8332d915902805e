using ContinuityScheduler.Domain.Advice;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Scoring;
using ContinuityScheduler.Solver.Advice;
using ContinuityScheduler.Solver.Model;
using ContinuityScheduler.Solver.Tests.Support;
using CsCheck;
using NodaTime;

namespace ContinuityScheduler.Solver.Tests;

/// <summary>
/// A child's ceiling is never below what the scorer gives them in a rota that keeps every hard rule: checked against
/// every such rota of tiny homes (each subset of the model's columns, judged by the validator), against the first rotas
/// of the samples, and equal to the best rota's score on a home worked out by hand.
/// </summary>
public sealed class ScoreCeilingTests
{
    private static readonly LocalDate Monday = new(2026, 11, 30);

    [Fact]
    public void No_rota_of_a_tiny_home_scores_above_a_childs_ceiling()
    {
        var judged = 0;
        TinyHomes.Any.Sample(seed =>
        {
            var problem = TinyHomes.Build(seed);
            var ceilings = ScoreCeiling.Of(problem).ToDictionary(c => c.ChildId);

            foreach (var rota in EveryRota(problem).Where(r => Keeps(problem, r)))
            {
                judged++;
                AssertBelow(ceilings, ContinuityScorer.Score(problem, rota), $"home {seed}");
            }
        }, iter: 40, threads: 1);

        judged.Should().BePositive("some tiny homes have rotas that keep every hard rule");
    }

    [Theory]
    [InlineData("baby-home")]
    [InlineData("regional")]
    public void The_first_rota_of_a_sample_scores_no_child_above_their_ceiling(string sample)
    {
        var problem = Homes.Sample(sample);
        var rota = Construction.Build(problem);
        Keeps(problem, rota).Should().BeTrue("the first rota of this sample keeps every hard rule (ConstructionTests)");

        AssertBelow(ScoreCeiling.Of(problem).ToDictionary(c => c.ChildId), ContinuityScorer.Score(problem, rota), sample);
    }

    [Theory]
    [InlineData("a skill may be missing")]
    [InlineData("a day away may be worked")]
    [InlineData("a group named twice")]
    [InlineData("a night before the horizon, coverage off")]
    [InlineData("the same shift twice, no-overlap off")]
    public void A_loosened_rule_loosens_the_ceiling_as_it_loosens_the_validator(string how)
    {
        // Found in review: each rota keeps every hard rule as set, and once scored above the ceiling.
        var (problem, rota) = Loosened(how);
        Keeps(problem, rota).Should().BeTrue("the validator passes the rota under the loosened rule");

        AssertBelow(ScoreCeiling.Of(problem).ToDictionary(c => c.ChildId), ContinuityScorer.Score(problem, rota), how);
    }

    [Fact]
    public void A_key_person_away_half_the_week_caps_the_childs_score_at_the_best_rotas()
    {
        // K is away Thursday to Sunday: on those 4 of 7 days the baby cannot see their key person, so key-person days
        // are at most 3/7, and the other parts at most 1 (one 07:00–20:00 post a day, on duty at every wake-up and
        // bedtime; K and B are the whole team; 2 caregivers a week). Ceiling 35 + 25·3/7 + 20 + 20 = 85.71, which the
        // rota "K Monday to Wednesday, B Thursday to Sunday" reaches: the best of all 2^7 rotas.
        var problem = KeyPersonAway();

        var ceiling = ScoreCeiling.Of(problem).Should().ContainSingle().Subject;

        ceiling.KeyPersonDays.Should().BeApproximately(3 / 7.0, 1e-9);
        ceiling.Score.Should().BeApproximately(35 + (25 * 3 / 7.0) + 20 + 20, 1e-9);
        var best = EveryRota(problem).Where(r => Keeps(problem, r)).Max(r => ContinuityScorer.Score(problem, r).Institution.Min);
        best.Should().BeApproximately(ceiling.Score, 1e-9, "the ceiling is reached on this home");
    }

    [Theory]
    [InlineData(86, AdviceStatus.Unreachable)]
    [InlineData(85, AdviceStatus.Proven)]
    public async Task A_lowest_child_target_above_the_ceiling_is_unreachable_whatever_is_hired(double lowest, AdviceStatus expected)
    {
        // Hires cannot be the baby's key person: no number of them lifts key-person days above 3/7, so 86 is out of
        // reach (said, with the rota covering every post) and 85 is reached by the home as it is.
        var problem = KeyPersonAway();
        IReadOnlyList<Candidate> candidates = [Candidate.Named("day", new Contract(40), [], [], 2, 1)];
        var options = new AdviceOptions
        {
            Solve = new SolveOptions { TimeLimit = TimeSpan.FromSeconds(10), Deterministic = true },
            Target = new AdviceTarget { LowestChildAtLeast = lowest },
        };

        var advice = await new AdviceSolver(DefaultEngine.Create()).AdviseAsync(problem, candidates, options);

        advice.Status.Should().Be(expected);
        RotaValidator.Validate(advice.Problem, advice.Rota).HardCount.Should().Be(0, "either way the rota covers every post and keeps every hard rule");
        advice.TargetReached.Should().Be(expected == AdviceStatus.Proven);
        if (expected == AdviceStatus.Unreachable)
        {
            advice.Diagnosis.Should().Contain(line => line.StartsWith("No rota reaches the target, whatever is hired: baby can score at most 85.7 < 86", StringComparison.Ordinal)
                && line.Contains("key-person days at most 0.43", StringComparison.Ordinal));
            AdviceWords.StatusText(advice, HiresBy.Count).Should().Be("Cannot be reached with the candidates offered: no rota within the rules reaches the target's score bounds, whatever is hired (proven; the diagnosis says which child and why). The rota shown is the best found that covers every post.");
        }
    }

    [Fact]
    public void The_reasons_name_each_bound_beyond_the_ceilings()
    {
        IReadOnlyList<ChildCeiling> ceilings = [new("a", true, 70, 0.8, 0.5, 0.9, 3), new("b", false, 90, 1, 1, 1, 5.5)];

        new AdviceTarget { LowestChildAtLeast = 70 }.OutOfReach(ceilings).Should().BeNull("70 is within a's ceiling");
        new AdviceTarget { LowestChildAtLeast = 71 }.OutOfReach(ceilings).Should().Contain("a can score at most 70.0 < 71");
        new AdviceTarget { UnderThreesMeanAtLeast = 75 }.OutOfReach(ceilings).Should().Contain("the under-threes' mean can be at most 70.0 < 75");
        new AdviceTarget { DistinctPerWeekAtMost = 5 }.OutOfReach(ceilings).Should().Contain("b meets at least 5.5 distinct caregivers per week > 5");
        new AdviceTarget { DistinctPerWeekAtMost = 5.5 }.OutOfReach(ceilings).Should().BeNull();
        new AdviceTarget { UnderThreesMeanAtLeast = 1 }.OutOfReach([ceilings[1]]).Should().Contain("no child under three");
    }

    private static PlanningProblem KeyPersonAway()
    {
        var rules = LabourRules.Default
            .With("contract-hours", LabourRules.Default["contract-hours"] with { Enabled = false })
            .With("free-weekends", LabourRules.Default["free-weekends"] with { Enabled = false });
        var institution = new Institution("away", "Away", DateTimeZoneProviders.Tzdb["Europe/Copenhagen"], KeyMoments.Default, rules, ScoreWeights.Default);
        var day = new ShiftType("D", "Day", new LocalTime(7, 0), new LocalTime(20, 0), ShiftKind.Day);
        var away = new Absence(AbsenceKind.Leave, new DateInterval(Monday.PlusDays(3), Monday.PlusDays(6)));
        var k = new Caregiver("k", "K", new Contract(40), absences: [away]);
        var b = new Caregiver("b", "B", new Contract(40));
        var baby = new Child("baby", Monday.PlusYears(-1), [new GroupMembership("g", Monday.PlusYears(-1))], ["k"]);
        return new PlanningProblem(institution, new Horizon(Monday, 1), [new Group("g", "G")], [baby], [k, b], [day], [new Demand("day", ["g"], "D")]);
    }

    /// <summary>One-week, one-group homes where a rule lets through what it refuses by default, with a rota it lets through.</summary>
    private static (PlanningProblem Problem, Rota Rota) Loosened(string how)
    {
        var early = new ShiftType("E", "Early", new LocalTime(7, 0), new LocalTime(15, 0), ShiftKind.Day);
        var late = new ShiftType("L", "Late", new LocalTime(14, 0), new LocalTime(22, 0), ShiftKind.Day);
        var night = new ShiftType("N", "Night", new LocalTime(21, 0), new LocalTime(8, 0), ShiftKind.WakingNight);
        IsoDayOfWeek[] monday = [IsoDayOfWeek.Monday];
        var off = new RuleSettings(false, Severity.Hard, 0);
        var child = new Child("c", Monday.PlusYears(-1), [new GroupMembership("g", Monday.PlusYears(-1))], how == "a night before the horizon, coverage off" ? [] : ["b"]);
        Assignment On(string caregiverId, int day, string demandId) => new(caregiverId, Monday.PlusDays(day), demandId);
        PlanningProblem Home(LabourRules rules, Demand[] demands, Caregiver[] staff, int coreTeam = 1) =>
            new(new Institution("loose", "Loose", DateTimeZoneProviders.Tzdb["Europe/Copenhagen"], KeyMoments.Default, rules, ScoreWeights.Default), new Horizon(Monday, 1),
                [new Group("g", "G", coreTeam)], [child], staff, [early, late, night], demands);
        return how switch
        {
            "a skill may be missing" => (Home(LabourRules.Default.With("skills", new RuleSettings(true, Severity.Hard, 1)), [new Demand("e", ["g"], "E", skills: ["x"])],
                [new Caregiver("a", "A", new Contract(16), ["x"]), new Caregiver("b", "B", new Contract(40))]),
                new Rota([.. Enumerable.Range(0, 7).Select(i => On(i < 5 ? "b" : "a", i, "e"))])),
            "a day away may be worked" => (Home(LabourRules.Default.With("absence", new RuleSettings(true, Severity.Hard, 1)).With("contract-hours", new RuleSettings(true, Severity.Hard, 8, 1)),
                [new Demand("e", ["g"], "E", weekdays: monday)],
                [new Caregiver("a", "A", new Contract(8)), new Caregiver("b", "B", new Contract(8), absences: [new Absence(AbsenceKind.Leave, new DateInterval(Monday, Monday.PlusDays(6)))])]),
                new Rota([On("b", 0, "e")])),
            "a group named twice" => (Home(LabourRules.Default, [new Demand("e", ["g", "g"], "E", skills: ["x"], weekdays: monday), new Demand("l", ["g"], "L", weekdays: monday)],
                [new Caregiver("a", "A", new Contract(8), ["x"]), new Caregiver("b", "B", new Contract(8))]),
                new Rota([On("a", 0, "e"), On("b", 0, "l")])),
            "a night before the horizon, coverage off" => (Home(LabourRules.Default.With("coverage", off), [new Demand("n", ["g"], "N")],
                [new Caregiver("a", "A", new Contract(44)), new Caregiver("b", "B", new Contract(33))], coreTeam: 2),
                new Rota([.. Enumerable.Range(-1, 7).Select(i => On(i % 2 == 0 ? "b" : "a", i, "n"))])),
            _ => (Home(LabourRules.Default.With("one-shift-per-day", new RuleSettings(true, Severity.Hard, 2)).With("no-overlap", off)
                    .With("contract-hours", off).With("max-weekly-hours", off).With("average-weekly-hours", off),
                [new Demand("e", ["g"], "E", count: 2)],
                [new Caregiver("a", "A", new Contract(40)), new Caregiver("b", "B", new Contract(40)), new Caregiver("c", "C", new Contract(40))]),
                new Rota([.. Enumerable.Range(0, 6).SelectMany(i => new[] { On("a", i, "e"), On("a", i, "e") }),
                    .. new[] { 0, 1, 2, 6 }.Select(i => On("b", i, "e")), .. new[] { 3, 4, 5, 6 }.Select(i => On("c", i, "e"))])),
        };
    }

    /// <summary>Every subset of the model's columns (the solver never overstaffs a post).</summary>
    private static IEnumerable<Rota> EveryRota(PlanningProblem problem)
    {
        var columns = RotaModelBuilder.Build(problem).Assignments.Keys.ToList();
        for (var mask = 0; mask < 1 << columns.Count; mask++)
        {
            yield return new Rota(columns.Where((_, i) => (mask & (1 << i)) != 0).Select(k => new Assignment(k.CaregiverId, k.Date, k.DemandId)));
        }
    }

    private static bool Keeps(PlanningProblem problem, Rota rota) => RotaValidator.Validate(problem, rota).HardCount == 0;

    private static void AssertBelow(Dictionary<string, ChildCeiling> ceilings, ContinuityReport report, string home)
    {
        foreach (var child in report.Children)
        {
            var ceiling = ceilings[child.ChildId];
            var because = $"{home}, {child.ChildId}";
            child.Score.Should().BeLessThanOrEqualTo(ceiling.Score + 1e-9, because);
            child.CoreShare.Should().BeLessThanOrEqualTo(ceiling.CoreShare + 1e-9, because);
            child.KeyPersonDays.Should().BeLessThanOrEqualTo(ceiling.KeyPersonDays + 1e-9, because);
            child.KeyMoments.Should().BeLessThanOrEqualTo(ceiling.KeyMoments + 1e-9, because);
            if (child.DistinctPerWeek > 0)
            {
                child.DistinctPerWeek.Should().BeGreaterThanOrEqualTo(ceiling.DistinctPerWeekAtLeast - 1e-9, because);
            }
        }
    }
}
