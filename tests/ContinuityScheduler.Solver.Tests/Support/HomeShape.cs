using CsCheck;

namespace ContinuityScheduler.Solver.Tests.Support;

/// <summary>
/// The few numbers a random small home is drawn from (<see cref="RandomHomes"/>): what the property tests generate and,
/// on a failure, shrink. <paramref name="Seed"/> decides the details; <paramref name="Rules"/> how far the labour rules
/// stray from their defaults (0: not at all).
/// </summary>
internal sealed record HomeShape(int Seed, int Calendar, int Weeks, int Groups, int Caregivers, int Rules, int Density)
{
    public static Gen<HomeShape> Any { get; } = Gen.Select(
        Gen.Int[0, 1_000_000],
        Gen.Int[0, 2],
        Gen.Int[1, 2],
        Gen.Int[1, 2],
        Gen.Int[2, 4],
        Gen.Int[0, 3],
        Gen.Int[1, 4],
        (seed, calendar, weeks, groups, caregivers, rules, density) => new HomeShape(seed, calendar, weeks, groups, caregivers, rules, density));
}
