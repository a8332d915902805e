using ContinuityScheduler.Solver.Engine;

namespace ContinuityScheduler.Curtois;

/// <summary>
/// Solves an instance through the solver core: its model (<see cref="CurtoisModelBuilder"/>) goes whole to the engine,
/// the same engine and search the rota solver uses, and the checker judges the roster it returns.
/// </summary>
public static class CurtoisSolver
{
    public static async Task<CurtoisOutcome> SolveAsync(CurtoisInstance instance, IMipEngine engine, MipOptions options, CancellationToken cancellation = default)
    {
        var model = CurtoisModelBuilder.Build(instance);
        var result = await engine.SolveAsync(model.Mip, options, null, cancellation);
        if (result.Values is not { } values)
        {
            return new CurtoisOutcome(instance, result, null, null);
        }

        var roster = model.Decode(values);
        return new CurtoisOutcome(instance, result, roster, CurtoisChecker.Check(instance, roster));
    }
}
