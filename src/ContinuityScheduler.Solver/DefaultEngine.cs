using ContinuityScheduler.Solver.Engine;
using ContinuityScheduler.Solver.Engine.CpSat;

namespace ContinuityScheduler.Solver;

/// <summary>The engine this build solves with, so callers outside the Solver never name it.</summary>
public static class DefaultEngine
{
    public static IMipEngine Create() => new CpSatEngine();
}
