using ContinuityScheduler.Solver.Engine;

namespace ContinuityScheduler.Curtois;

/// <summary>Solves an instance with the given engine (see <see cref="CurtoisSearch"/>) and has the checker judge the roster it returns.</summary>
public static class CurtoisSolver
{
    public static async Task<CurtoisOutcome> SolveAsync(CurtoisInstance instance, IMipEngine engine, MipOptions options, TextWriter? log = null, CancellationToken cancellation = default)
    {
        var search = new CurtoisSearch(instance, engine, options, log);
        var result = await search.Run(cancellation);
        if (result.Values is not { } values)
        {
            return new CurtoisOutcome(instance, result, null, null);
        }

        var roster = search.Model.Decode(values);
        return new CurtoisOutcome(instance, result, roster, CurtoisChecker.Check(instance, roster));
    }
}
