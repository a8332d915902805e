using ContinuityScheduler.Cli.Samples;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;

namespace ContinuityScheduler.Solver.Tests.Support;

/// <summary>Planning problems for solver tests: the committed samples and generated homes of other shapes.</summary>
internal static class Homes
{
    public static PlanningProblem Sample(string name) => ProblemReader.Read(File.ReadAllText(Testing.RepositoryRoot.Sample(name))).Value!;

    /// <summary>A one-house home (two groups) for one week; tight staffing drops the smallest contracts.</summary>
    public static PlanningProblem Generated(int seed, bool tight, bool underThrees) => HomeGenerator.Generate(new HomeSpec
    {
        Id = $"generated-{seed}",
        Name = $"Generated {seed}",
        Start = new NodaTime.LocalDate(2026, 11, 30),
        Weeks = 1,
        Groups = ["Alpha", "Beta"],
        UnderThreeGroups = underThrees ? 1 : 0,
        UnderThreeDayContracts = tight ? [37, 37, 30, 24, 20] : [37, 37, 30, 24, 20, 15, 12],
        OlderDayContracts = tight ? [37, 37, 30, 24] : [37, 37, 30, 24, 20, 15],
        ReliefStaff = tight ? 0 : 1,
        ContractTolerance = (8, 1),
        Seed = seed,
    });
}
