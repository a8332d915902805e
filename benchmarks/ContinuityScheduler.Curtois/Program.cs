using ContinuityScheduler.Curtois;
using ContinuityScheduler.Solver;
using ContinuityScheduler.Solver.Engine;
using ContinuityScheduler.Testing;

try
{
    var benchmark = CurtoisBenchmark.Parse(args, RepositoryRoot.Path);
    return await benchmark.Run(DefaultEngine.Create(), Console.Out);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine("usage: curtois-benchmark [--time-limit S] [--threads N] [--seed N] [--out FILE.md] [--best-known CSV] FILE...");
    return 2;
}
catch (Exception e) when (e is CurtoisFormatException or IOException or EngineUnavailableException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
