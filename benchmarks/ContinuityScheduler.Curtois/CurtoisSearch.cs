using System.Diagnostics;
using ContinuityScheduler.Solver.Engine;

namespace ContinuityScheduler.Curtois;

/// <summary>
/// How an instance is solved within its time limit, every step a solve of the same model through the engine:
/// (1) the whole model, which solves and proves small instances and finds a first roster for many others; (2) without
/// a roster yet, a first one built one employee at a time (those before fixed, those after absent); (3) fix-and-optimise:
/// the model re-solved from the best roster with all but some employees, a window of days, or both, fixed; (4) the
/// whole model again, from the best roster, for the rest of the time. Its bound holds for the instance, and its
/// "optimal" proves the roster (measured once: CBC proves Instance3 in ≈ 8 s from its optimum, in ≈ 51 s without it).
/// </summary>
internal sealed class CurtoisSearch(CurtoisInstance instance, IMipEngine engine, MipOptions options, TextWriter? log = null)
{
    /// <summary>Shares of the time limit at which the whole model's first round and fix-and-optimise end.</summary>
    private const double FirstRoundShare = 0.45;
    private const double ImprovementShare = 0.75;

    /// <summary>Free assignment columns of a first sub-problem; grown when sub-problems solve fast, shrunk when they time out.</summary>
    private const double FirstNeighbourhood = 400;

    private const double SubProblemSeconds = 4;

    /// <summary>Rounds without a better roster after which the whole model gets the rest of the time instead.</summary>
    private const int StaleRounds = 12;

    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly CurtoisModel model = CurtoisModelBuilder.Build(instance);
    private readonly Random random = new(options.Seed);
    private readonly List<MipProgress> trajectory = [];
    private double[]? best;
    private double objective = double.PositiveInfinity;
    private double? bound;
    private double? firstSolution;
    private bool proven;
    private bool infeasible;

    public CurtoisModel Model => model;

    public async Task<MipResult> Run(CancellationToken cancellation)
    {
        await Whole(Until(FirstRoundShare), cancellation);
        if (proven || infeasible)
        {
            return Result();
        }

        await Construct(Until(ImprovementShare), cancellation);
        await Improve(Until(ImprovementShare), cancellation);
        await Whole(Until(1), cancellation);
        return Result();
    }

    private TimeSpan Until(double share) => (options.TimeLimit * share) - clock.Elapsed;

    /// <summary>The whole model from the best roster so far: its bound holds for the instance, and "optimal" proves it.</summary>
    private async Task Whole(TimeSpan limit, CancellationToken cancellation)
    {
        if (limit < TimeSpan.FromSeconds(1) || cancellation.IsCancellationRequested)
        {
            return;
        }

        var started = clock.Elapsed.TotalSeconds;
        var result = await engine.SolveAsync(model.Mip, options with { TimeLimit = limit, Start = best }, null, cancellation);
        log?.WriteLine($"  whole model for {limit.TotalSeconds:0.0} s: {result.Status}, {result.Objective}, bound {result.Bound}, after {result.Seconds:0.0} s");
        Offer(result.Values, started + result.FirstSolutionSeconds);
        infeasible |= result.Status == MipStatus.Infeasible && best is null;
        if (result.Bound is { } b && (bound is null || b > bound))
        {
            bound = b;
        }

        proven |= result.Status == MipStatus.Optimal && result.Values is not null;
    }

    /// <summary>A first roster, one employee at a time: those already placed fixed, those still to come absent (off).</summary>
    private async Task Construct(TimeSpan budget, CancellationToken cancellation)
    {
        var end = clock.Elapsed + budget;
        var roster = new CurtoisRoster(instance.Staff.Count, instance.Days);
        for (var e = 0; e < instance.Staff.Count; e++)
        {
            if (best is not null || cancellation.IsCancellationRequested || clock.Elapsed > end)
            {
                return;
            }

            var stage = CurtoisModelBuilder.Build(instance, [.. Enumerable.Range(0, e + 1)]);
            var limit = Min(end - clock.Elapsed, TimeSpan.FromSeconds(SubProblemSeconds));
            var result = await engine.SolveAsync(stage.Mip.WithFixed(Fixed(stage, roster, Enumerable.Range(0, e))), options with { TimeLimit = limit }, null, cancellation);
            if (result.Values is not { } values)
            {
                log?.WriteLine($"  first roster: no row for employee {instance.Staff[e].Id} ({result.Status})");
                return;
            }

            var part = stage.Decode(values);
            for (var d = 0; d < instance.Days; d++)
            {
                roster[e, d] = part[e, d];
            }
        }

        Offer(model.Encode(roster), clock.Elapsed.TotalSeconds);
        log?.WriteLine($"  first roster built at {clock.Elapsed.TotalSeconds:0.0} s: {model.Mip.Evaluate(model.Encode(roster))}");
    }

    /// <summary>Fix-and-optimise over neighbourhoods of employees, of day windows and of both, each solved from the best roster.</summary>
    private async Task Improve(TimeSpan budget, CancellationToken cancellation)
    {
        var end = clock.Elapsed + budget;
        var total = ColumnsOf(Enumerable.Range(0, instance.Staff.Count));
        double[] sizes = [Math.Min(total, 2.0 * total / instance.Staff.Count), Math.Min(total, FirstNeighbourhood), Math.Min(total, FirstNeighbourhood)];
        var stale = 0;
        for (var round = 0; end - clock.Elapsed > TimeSpan.FromSeconds(1) && stale < StaleRounds && !cancellation.IsCancellationRequested; round++)
        {
            if (best is not { } current)
            {
                return;
            }

            var kind = round % sizes.Length;
            var free = Neighbourhood(kind, sizes[kind]);
            var limit = Min(end - clock.Elapsed, TimeSpan.FromSeconds(SubProblemSeconds));
            var fixedColumns = Fixed(model, model.Decode(current), Enumerable.Range(0, instance.Staff.Count), free);
            var result = await engine.SolveAsync(model.Mip.WithFixed(fixedColumns), options with { TimeLimit = limit, Start = current, Seed = options.Seed + round }, null, cancellation);
            stale++;
            if (Offer(result.Values, clock.Elapsed.TotalSeconds))
            {
                stale = 0;
                log?.WriteLine($"  {clock.Elapsed.TotalSeconds,5:0.0} s: {objective} from {Kinds[kind]} of {free.Count} cells");
            }

            // Sub-problems that solve well within their time may grow; those that run out of it shrink.
            sizes[kind] = result.Status == MipStatus.Optimal && result.Seconds < limit.TotalSeconds / 2
                ? Math.Min(total, sizes[kind] * 1.2)
                : Math.Max(20, sizes[kind] * 0.8);
        }
    }

    private static readonly string[] Kinds = ["employees", "days", "employees × days"];

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>The free cells: whole rows of random employees, every employee on a window of days, or random employees on a window.</summary>
    private HashSet<(int Employee, int Day)> Neighbourhood(int kind, double size)
    {
        var perCell = Math.Max(0.1, (double)ColumnsOf(Enumerable.Range(0, instance.Staff.Count)) / (instance.Staff.Count * instance.Days));
        var cells = size / perCell;
        var (employees, length) = kind switch
        {
            0 => (cells / instance.Days, instance.Days),
            1 => (instance.Staff.Count, cells / instance.Staff.Count),
            _ => (Math.Sqrt(cells * instance.Staff.Count / instance.Days), Math.Sqrt(cells * instance.Days / instance.Staff.Count)),
        };
        var count = Math.Clamp((int)Math.Round(employees), 1, instance.Staff.Count);
        var days = Math.Clamp((int)Math.Round(length), 2, instance.Days);
        var first = random.Next(instance.Days - days + 1);
        var free = new HashSet<(int, int)>();
        foreach (var e in Enumerable.Range(0, instance.Staff.Count).OrderBy(_ => random.Next()).Take(count))
        {
            for (var d = first; d < first + days; d++)
            {
                free.Add((e, d));
            }
        }

        return free;
    }

    private int ColumnsOf(IEnumerable<int> employees) =>
        employees.Sum(e => Enumerable.Range(0, instance.Days).Sum(d => Enumerable.Range(0, instance.Shifts.Count).Count(s => model.Assignment(e, d, s) is not null)));

    /// <summary>The assignment columns of <paramref name="employees"/> fixed to the roster, except the free cells.</summary>
    private static Dictionary<int, double> Fixed(CurtoisModel target, CurtoisRoster roster, IEnumerable<int> employees, IReadOnlySet<(int, int)>? free = null)
    {
        var fixedColumns = new Dictionary<int, double>();
        var shifts = target.Instance.Shifts;
        foreach (var e in employees)
        {
            for (var d = 0; d < roster.Days; d++)
            {
                if (free?.Contains((e, d)) == true)
                {
                    continue;
                }

                for (var s = 0; s < shifts.Count; s++)
                {
                    if (target.Assignment(e, d, s) is { } x)
                    {
                        fixedColumns[x.Index] = roster[e, d] == shifts[s].Id ? 1 : 0;
                    }
                }
            }
        }

        return fixedColumns;
    }

    /// <summary>Keeps values that satisfy the whole model and beat the best so far; true when they did.</summary>
    private bool Offer(IReadOnlyList<double>? values, double? seconds)
    {
        if (values is null || model.Mip.Violated(values).Any())
        {
            return false;
        }

        var value = model.Mip.Evaluate(values);
        if (value >= objective - 1e-6)
        {
            return false;
        }

        best = [.. values];
        objective = value;
        firstSolution ??= seconds ?? clock.Elapsed.TotalSeconds;
        trajectory.Add(new MipProgress(clock.Elapsed.TotalSeconds, objective, bound));
        return true;
    }

    /// <summary>Optimal when the engine proved it, or when the bound leaves no room: every cost and weight is whole, so is the objective.</summary>
    private MipResult Result()
    {
        var seconds = clock.Elapsed.TotalSeconds;
        if (best is null)
        {
            return new MipResult(infeasible ? MipStatus.Infeasible : MipStatus.NoSolution, null, bound, null, null, seconds, trajectory);
        }

        var closed = proven || (bound is { } b && b > objective - 1 + 1e-6);
        var low = closed ? objective : bound is { } c ? Math.Min(c, objective) : (double?)null;
        return new MipResult(closed ? MipStatus.Optimal : MipStatus.Feasible, objective, low, best, firstSolution, seconds, trajectory);
    }
}
