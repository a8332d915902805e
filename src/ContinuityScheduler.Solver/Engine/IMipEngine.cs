namespace ContinuityScheduler.Solver.Engine;

/// <summary>
/// The seam between the models and the engine: one call solves one model, its levels in order; calls may run at the
/// same time; cancelling returns the best solution found so far. Only the engine behind it knows OR-Tools.
/// </summary>
public interface IMipEngine
{
    string Name { get; }

    Task<MipResult> SolveAsync(MipModel model, MipOptions options, IProgress<MipProgress>? progress, CancellationToken cancellation);
}
