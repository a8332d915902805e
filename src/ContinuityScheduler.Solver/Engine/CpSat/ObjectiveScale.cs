using Google.OrTools.Sat;

namespace ContinuityScheduler.Solver.Engine.CpSat;

/// <summary>
/// How an objective was scaled to integers: multiply, add the constant, and for a bound take off what rounding
/// continuous columns up to their grid can add, so that it stays below every solution of the model.
/// </summary>
/// <remarks><paramref name="Least"/>: the least the integer objective can be from its columns' ranges alone (the engine's own bound can start lower).</remarks>
internal sealed record ObjectiveScale(CpObjectiveProto Proto, double Multiplier, double Constant, double Correction, long Least)
{
    /// <summary>The better of the engine's bound and what the columns' ranges give, in integer units.</summary>
    public double Tightest(double engineBound) => Math.Max(engineBound, Least);

    public double Value(double scaled) => (scaled / Multiplier) + Constant;

    public double Bound(double scaled) => (scaled / Multiplier) + Constant - Correction;

    /// <summary>The integer objective of a CP-SAT solution.</summary>
    public long Of(IReadOnlyList<long> solution)
    {
        long total = 0;
        for (var i = 0; i < Proto.Vars.Count; i++)
        {
            total += Proto.Coeffs[i] * solution[Proto.Vars[i]];
        }

        return total;
    }
}
