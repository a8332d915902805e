using ContinuityScheduler.Solver.Engine;

namespace ContinuityScheduler.Curtois;

/// <summary>Builds an instance's model, solves it with the given engine and has the checker judge the roster it returns.</summary>
public static class CurtoisSolver
{
    public static async Task<CurtoisOutcome> SolveAsync(CurtoisInstance instance, IMipEngine engine, MipOptions options, CancellationToken cancellation = default)
    {
        var model = CurtoisModelBuilder.Build(instance);
        var result = await engine.SolveAsync(model.Mip, options, progress: null, cancellation);
        if (result.Values is not { } values)
        {
            return new CurtoisOutcome(instance, result, null, null);
        }

        var roster = model.Decode(values);
        return new CurtoisOutcome(instance, result, roster, CurtoisChecker.Check(instance, roster));
    }
}
