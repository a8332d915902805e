using ContinuityScheduler.Domain.Baseline;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Scoring;
using ContinuityScheduler.Solver.Engine;
using ContinuityScheduler.Solver.Model;
using ContinuityScheduler.Solver.Tests.Support;
using NodaTime;

namespace ContinuityScheduler.Solver.Tests;

/// <summary>
/// Every rota the solver returns is judged by the validator, priced as docs/solver.md says and scored, never taken on
/// the solver's word. Solves run in the engine's repeatable mode: the same answer on any machine under any load.
/// </summary>
public sealed class RotaSolverTests
{
    private static readonly RotaSolver Solver = new(DefaultEngine.Create());

    private static SolveOptions Repeatable(double workUnits, int workers = 2) => new() { TimeLimit = TimeSpan.FromSeconds(workUnits), Deterministic = true, Threads = workers };

    [Fact]
    public async Task A_problem_with_a_hand_worked_optimum_is_solved_to_it()
    {
        // One post, the early shift every day of one week (7 × 8 h), two caregivers on 32 h ± 8 h (3 to 5 shifts):
        // both must work (7 > 5): 2 × 100 in the group + 2 × 20 in the week = 240; hours 32 and 24 (or 40 and 16
        // is out of bounds) deviate 0 + 8 → 4; one of them works both weekend days: 1 weekend over a share of 0.5 → 1.
        var problem = OnePostProblem();

        var result = await Solver.SolveAsync(problem, Repeatable(10));

        Checks.AssertChecked(problem, result);
        result.Status.Should().Be(SolveStatus.Optimal);
        result.Objective.Total.Should().BeApproximately(245, 1e-6);
        result.Bound.Should().BeApproximately(245, 1e-6);
        result.Rota.Assignments.Should().HaveCount(7);
    }

    [Fact]
    public async Task A_solve_given_a_start_begins_from_it_and_never_ends_worse()
    {
        // An interrupted run's best rota, handed to the next run: its first incumbent is that rota's price, not the construction's.
        var problem = Homes.Sample("small-home");
        var start = HospitalWay.Generate(problem);
        var price = ObjectiveFunction.Evaluate(problem, start, ObjectiveWeights.Default).Total;
        ObjectiveFunction.Evaluate(problem, Construction.Build(problem), ObjectiveWeights.Default).Total.Should().NotBe(price, "the test tells the two starts apart");

        var result = await Solver.SolveAsync(problem, Repeatable(2) with { Start = start });

        Checks.AssertChecked(problem, result);
        result.Trajectory[0].Incumbent.Should().BeApproximately(price, 1e-6);
        result.Objective.Total.Should().BeLessThanOrEqualTo(price + 1e-6);
    }

    [Theory]
    [InlineData("small-home")]
    [InlineData("dst-week")]
    public async Task Sample_rotas_cover_every_post_keep_every_rule_and_beat_the_hospital_way(string sample)
    {
        var problem = Homes.Sample(sample);

        var result = await Solver.SolveAsync(problem, Repeatable(15));

        Checks.AssertChecked(problem, result);
        result.Validation.IsValid.Should().BeTrue("these samples can be staffed in full");
        result.UncoveredMinimum.Should().Be(0);
        var solved = ContinuityScorer.Score(problem, result.Rota).Institution;
        var hospital = ContinuityScorer.Score(problem, HospitalWay.Generate(problem)).Institution;
        solved.WeightedMean.Should().BeGreaterThan(hospital.WeightedMean);
        solved.DistinctPerWeek.Should().BeLessThan(hospital.DistinctPerWeek);
    }

    [Theory]
    [InlineData(1, false, true)]
    [InlineData(2, true, true)]
    [InlineData(3, false, false)]
    [InlineData(4, true, false)]
    public async Task Generated_homes_loose_and_tight_get_checked_rotas_with_the_least_uncovered(int seed, bool tight, bool underThrees)
    {
        var problem = Homes.Generated(seed, tight, underThrees);

        var result = await Solver.SolveAsync(problem, Repeatable(10) with { Seed = seed });

        Checks.AssertChecked(problem, result);
        result.UncoveredMinimum.Should().NotBeNull("the least uncovered is proven on a one-week home");
        result.Validation.Violations.Where(RotaSolver.IsShortfall).Sum(v => v.Limit!.Value - v.Measured!.Value).Should().Be(result.UncoveredMinimum!.Value);
    }

    [Fact]
    public async Task Baby_home_gets_four_weeks_with_every_post_covered_better_than_its_first_rota()
    {
        var problem = Homes.Sample("baby-home");
        var first = IndependentObjective.Price(problem, Construction.Build(problem));

        var result = await Solver.SolveAsync(problem, Repeatable(15));

        Checks.AssertChecked(problem, result);
        result.Validation.IsValid.Should().BeTrue("baby-home can be staffed in full");
        result.UncoveredMinimum.Should().Be(0);
        result.Objective.Total.Should().BeLessThan(first);
    }

    [Fact]
    public async Task Pins_are_kept()
    {
        var sample = Homes.Sample("small-home");
        var demand = sample.Demands.First(d => d.ShiftType == "L");
        var date = sample.Horizon.Start.PlusDays(2);
        var able = sample.Caregivers.Last(c => c.HasSkills(demand.Skills) && demand.GroupIds.All(c.MayWorkIn) && c.AbsenceOn(date) is null && !c.Contract.IsOnCall);
        var required = new Pin(PinKind.Require, able.Id, date, demand.Id);
        var forbidden = new Pin(PinKind.Forbid, "cg-001", sample.Horizon.Start);
        var problem = new PlanningProblem(sample.Institution, sample.Horizon, sample.Groups, sample.Children, sample.Caregivers, sample.ShiftTypes, sample.Demands, sample.History, [required, forbidden]);

        var result = await Solver.SolveAsync(problem, Repeatable(10));

        Checks.AssertChecked(problem, result);
        result.Status.Should().NotBe(SolveStatus.Infeasible);
        result.Rota.Assignments.Should().Contain(a => required.Matches(a));
        result.Rota.Assignments.Should().NotContain(a => forbidden.Matches(a));
    }

    [Fact]
    public async Task Too_few_people_get_the_best_rota_with_the_proven_least_uncovered_and_why()
    {
        // Two caregivers can work at most 5 + 5 of the 14 early and late shifts of a week: 4 stay empty whatever the rota.
        var sample = OnePostProblem();
        var late = new Demand("g-L", ["g"], "L");
        var problem = new PlanningProblem(sample.Institution, sample.Horizon, sample.Groups, sample.Children, sample.Caregivers, sample.ShiftTypes, [.. sample.Demands, late]);

        var result = await Solver.SolveAsync(problem, Repeatable(10));

        Checks.AssertChecked(problem, result);
        result.Status.Should().NotBe(SolveStatus.Infeasible, "an uncovered post is priced, not a broken rule");
        result.UncoveredMinimum.Should().Be(4);
        result.Validation.Violations.Where(v => v.Severity == Severity.Hard).Should().OnlyContain(v => v.Code == "coverage");
        result.Diagnosis.Should().Contain(line => line.StartsWith("4 person-shift(s) cannot be covered by any rota", StringComparison.Ordinal))
            .And.Contain(line => line.Contains("g-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_over_staffed_home_gets_the_rota_that_breaks_least_with_its_contract_hours_named()
    {
        // Two 40 h ± 0 contracts and one 8 h post a day: 80 h of minimums against 56 h of posts. No rota keeps them; the
        // best one works all 7 posts (56 h), 24 h short in all, and says so.
        var problem = OnePostProblem(contractHours: 40, tolerance: 0);

        var result = await Solver.SolveAsync(problem, Repeatable(10));

        Checks.AssertChecked(problem, result);
        result.Status.Should().Be(SolveStatus.Infeasible);
        result.Rota.Assignments.Should().HaveCount(7);
        var broken = result.Validation.Violations.Where(v => v.Severity == Severity.Hard).ToList();
        broken.Should().OnlyContain(v => v.Code == "contract-hours");
        broken.Sum(v => v.Limit!.Value - v.Measured!.Value).Should().Be(24);
        result.Diagnosis[0].Should().Contain("breaks least (proven)");
        result.Diagnosis.Should().Contain(line => line.StartsWith("contract-hours:", StringComparison.Ordinal) && line.Contains("at least 40 h", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rota_the_validator_rejects_is_never_reported_feasible()
    {
        // An engine that claims optimal a rota in which b works all seven days (56 h): the validator has the last word.
        var problem = OnePostProblem();
        var model = RotaModelBuilder.Build(problem);
        var solver = new RotaSolver(new LyingEngine(model));

        var result = await solver.SolveAsync(problem, Repeatable(5));

        result.Status.Should().Be(SolveStatus.Infeasible);
        result.Bound.Should().BeNull();
        result.Diagnosis.Should().Contain(line => line.StartsWith("max-consecutive-days:", StringComparison.Ordinal))
            .And.Contain(line => line.StartsWith("contract-hours:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_solves_at_the_same_time_are_both_checked()
    {
        var first = Homes.Generated(5, tight: false, underThrees: true);
        var second = Homes.Generated(6, tight: false, underThrees: false);

        var results = await Task.WhenAll(Solver.SolveAsync(first, Repeatable(5, 1)), Solver.SolveAsync(second, Repeatable(5, 1)));

        Checks.AssertChecked(first, results[0]);
        Checks.AssertChecked(second, results[1]);
    }

    [Fact]
    public async Task Cancelling_a_solve_returns_its_best_rota()
    {
        var problem = Homes.Sample("baby-home");
        using var cancel = new CancellationTokenSource();
        var improved = new TaskCompletionSource();
        var progress = new Inline<SolveProgress>(p =>
        {
            if (p.Seconds > 0 && p.Incumbent is not null && p.Bound is null)
            {
                improved.TrySetResult();
            }
        });

        var solving = Solver.SolveAsync(problem, new SolveOptions { TimeLimit = TimeSpan.FromMinutes(10) }, progress, cancel.Token);
        await improved.Task.WaitAsync(TimeSpan.FromMinutes(2));
        await cancel.CancelAsync();
        var result = await solving.WaitAsync(TimeSpan.FromMinutes(1));

        Checks.AssertChecked(problem, result);
    }

    private static PlanningProblem OnePostProblem(double contractHours = 32, double tolerance = 8)
    {
        var rules = LabourRules.Default.With("contract-hours", LabourRules.Default["contract-hours"] with { Limit = tolerance, Weeks = 1 });
        var institution = new Institution("one-post", "One Post", DateTimeZoneProviders.Tzdb["Europe/Copenhagen"], KeyMoments.Default, rules, ScoreWeights.Default);
        var shiftTypes = new[]
        {
            new ShiftType("E", "Early", new LocalTime(7, 0), new LocalTime(15, 0), ShiftKind.Day),
            new ShiftType("L", "Late", new LocalTime(14, 0), new LocalTime(22, 0), ShiftKind.Day),
        };
        return new PlanningProblem(
            institution,
            new Horizon(new LocalDate(2026, 11, 30), 1),
            [new Group("g", "G")],
            [],
            [new Caregiver("a", "A", new Contract(contractHours)), new Caregiver("b", "B", new Contract(contractHours))],
            shiftTypes,
            [new Demand("g-E", ["g"], "E")]);
    }

    /// <summary>An engine that claims optimal the rota in which b works the post every day.</summary>
    private sealed class LyingEngine(RotaModel model) : IMipEngine
    {
        public string Name => "lying";

        public Task<MipResult> SolveAsync(MipModel mip, MipOptions options, IProgress<MipProgress>? progress, CancellationToken cancellation)
        {
            var values = new double[mip.Variables.Count];
            foreach (var (_, column) in model.Assignments.Where(a => a.Key.CaregiverId == "b"))
            {
                values[column.Index] = 1;
            }

            return Task.FromResult(new MipResult(MipStatus.Optimal, mip.Evaluate(values), mip.Evaluate(values), values, 0, 0, [])
            {
                Levels = [new LevelResult(RotaModel.BrokenLevel, 0, 0, true), new LevelResult(RotaModel.UncoveredLevel, 0, 0, true)],
            });
        }
    }

    private sealed class Inline<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
