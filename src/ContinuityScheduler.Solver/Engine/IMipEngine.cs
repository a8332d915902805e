namespace ContinuityScheduler.Solver.Engine;

/// <summary>
/// The seam between the rota model and a solver engine. One call solves one model; calls may run at the same
/// time; cancelling returns the best solution found so far. CBC is behind it today; a CP-SAT engine can be added
/// beside it without touching the model, the domain or the API.
/// </summary>
public interface IMipEngine
{
    string Name { get; }

    Task<MipResult> SolveAsync(MipModel model, MipOptions options, IProgress<MipProgress>? progress, CancellationToken cancellation);
}
