using ContinuityScheduler.Solver;
using ContinuityScheduler.Solver.Engine;

namespace ContinuityScheduler.Curtois.Tests;

public sealed class CurtoisSolverTests
{
    // The engine's repeatable mode: a budget of work units, the same answer under any load.
    private static readonly MipOptions Options = new() { TimeLimit = TimeSpan.FromSeconds(60), Deterministic = true, Seed = 1 };

    [Theory]
    [InlineData(1, 607)]
    [InlineData(2, 828)]
    public async Task Reaches_the_published_optimum_and_the_checker_agrees(int number, int optimum)
    {
        var instance = CurtoisReader.ReadFile(CurtoisFiles.Instance(Testing.RepositoryRoot.Path, number));

        var outcome = await CurtoisSolver.SolveAsync(instance, DefaultEngine.Create(), Options);

        outcome.Result.Bound.Should().BeLessThanOrEqualTo(optimum);
        outcome.Verdict.Should().NotBeNull();
        outcome.Verdict!.Violations.Should().BeEmpty();
        outcome.Verdict.Objective.Should().Be(optimum);
        outcome.Result.Objective.Should().Be(optimum);
    }

    [Fact]
    public async Task The_small_instance_solves_to_the_best_roster_of_an_exhaustive_search()
    {
        var instance = SmallInstance.Instance;

        var outcome = await CurtoisSolver.SolveAsync(instance, DefaultEngine.Create(), Options);

        outcome.Verdict!.Violations.Should().BeEmpty();
        outcome.IsVerified.Should().BeTrue();
        outcome.Verdict.Objective.Should().Be(Exhaustive.Best(instance));
    }

    [Theory]
    [InlineData("A,D=7,3360,960,3,2,2,1\nB,D=7,3360,960,4,3,1,0", "B,2")]
    [InlineData("A,D=7,1920,960,2,2,3,1\nB,D=5,2400,0,5,1,2,1", "A,0|1")]
    [InlineData("A,D=2,3360,0,7,3,1,0\nB,D=7,1440,960,3,2,2,1", "")]
    public async Task Tiny_instances_solve_to_the_best_roster_of_an_exhaustive_search(string staff, string daysOff)
    {
        var instance = CurtoisReader.Read(Tiny(staff, daysOff), "tiny");

        var outcome = await CurtoisSolver.SolveAsync(instance, DefaultEngine.Create(), Options);

        outcome.Verdict!.Violations.Should().BeEmpty();
        outcome.IsVerified.Should().BeTrue();
        outcome.Verdict.Objective.Should().Be(Exhaustive.Best(instance));
    }

    [Fact]
    public async Task An_instance_without_a_valid_roster_is_proved_infeasible()
    {
        // A is off on days 0–1 and needs 3 shifts in runs of exactly 2 separated by at least 3 days off: impossible in a week.
        var instance = CurtoisReader.Read(Tiny("A,D=7,1920,1440,2,2,3,1\nB,D=5,2400,0,5,1,2,1", "A,0|1"), "tiny");

        var outcome = await CurtoisSolver.SolveAsync(instance, DefaultEngine.Create(), Options);

        Exhaustive.Best(instance).Should().BeNull();
        outcome.Result.Status.Should().Be(MipStatus.Infeasible);
        outcome.Roster.Should().BeNull();
    }

    /// <summary>One week, one 480-minute shift D, two employees: 2^14 rosters, few enough to try them all.</summary>
    private static string Tiny(string staff, string daysOff) => $"""
        SECTION_HORIZON
        7

        SECTION_SHIFTS
        D,480,

        SECTION_STAFF
        {staff}

        SECTION_DAYS_OFF
        {string.Join('\n', daysOff.Split(',', 2) is [var who, var days] ? [$"{who},{days.Replace('|', ',')}"] : Array.Empty<string>())}

        SECTION_SHIFT_ON_REQUESTS
        A,1,D,2
        B,5,D,3
        A,6,D,1

        SECTION_SHIFT_OFF_REQUESTS
        A,3,D,3
        B,0,D,1

        SECTION_COVER
        0,D,1,100,1
        1,D,2,100,1
        2,D,1,100,1
        3,D,2,100,1
        4,D,0,100,1
        5,D,1,100,1
        6,D,2,100,1
        """;
}
