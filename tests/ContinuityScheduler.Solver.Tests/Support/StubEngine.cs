using ContinuityScheduler.Solver.Engine;

namespace ContinuityScheduler.Solver.Tests.Support;

/// <summary>
/// A test double for the engine: each model gets the answer the test chooses (values and how each level ended), so
/// that every branch of a caller's status logic can be reached deterministically. It remembers the models it saw, and
/// moves a hand-driven clock on by each answer's seconds.
/// </summary>
internal sealed class StubEngine(Func<MipModel, MipOptions, StubAnswer> answer, ManualTime? time = null) : IMipEngine
{
    private readonly List<MipModel> seen = [];

    public string Name => "stub";

    public IReadOnlyList<MipModel> Seen => seen;

    public Task<MipResult> SolveAsync(MipModel model, MipOptions options, IProgress<MipProgress>? progress, CancellationToken cancellation)
    {
        lock (seen)
        {
            seen.Add(model);
        }

        var given = answer(model, options);
        var (values, proven) = (given.Values, given.Proven);
        time?.Advance(TimeSpan.FromSeconds(given.Seconds));
        var levels = model.Levels.Select(l => new LevelResult(l.Name, values is null ? null : l.Evaluate(values), values is null ? null : proven(l.Name) ? l.Evaluate(values) : 0, values is not null && proven(l.Name)) { ProvenSeconds = values is not null && proven(l.Name) ? given.ProvenAt : null }).ToList();
        var status = values is null ? MipStatus.NoSolution : MipStatus.Feasible;
        return Task.FromResult(new MipResult(status, values is null ? null : model.Evaluate(values), null, values, null, given.Seconds, []) { Levels = levels });
    }

    /// <summary>Whether a model is an advice model (it has the hires level).</summary>
    public static bool IsAdvice(MipModel model) => model.Levels.Any(l => l.Name == ContinuityScheduler.Solver.Model.RotaModel.HiresLevel);
}

/// <summary>
/// The values the stub answers with (null for none found), and which levels it says were proven at those values; the
/// run's seconds and when its proven levels were proven, for a caller's clock.
/// </summary>
internal sealed record StubAnswer(IReadOnlyList<double>? Values, Func<string, bool> Proven, double Seconds = 0, double ProvenAt = 0)
{
    /// <summary>The start the caller gave, every level proven.</summary>
    public static StubAnswer Start(MipOptions options) => new(options.Start, _ => true);

    public static StubAnswer Nothing { get; } = new(null, _ => false);
}
