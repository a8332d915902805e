using ContinuityScheduler.Benchmarks;

return await SolverBenchmark.Run(args, Console.Out);
