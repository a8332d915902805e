using ContinuityScheduler.Benchmarks;

return args is ["advice", .. var rest] ? await AdviceBenchmark.Run(rest, Console.Out) : await SolverBenchmark.Run(args, Console.Out);
