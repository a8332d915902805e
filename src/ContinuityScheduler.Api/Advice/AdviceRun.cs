using System.Text.Json;
using System.Text.Json.Nodes;
using ContinuityScheduler.Api.Contracts;
using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Api.Jobs;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Solver;
using ContinuityScheduler.Solver.Advice;
using ContinuityScheduler.Solver.Engine;

namespace ContinuityScheduler.Api.Advice;

/// <summary>An advice job's run on a solve worker: its request read back, the advice, and the job's end written from it.</summary>
public static class AdviceRun
{
    /// <summary>The advice and what it minimised.</summary>
    public sealed record Done(AdviceResult Result, HiresBy By);

    public static async Task<Done> RunAsync(IMipEngine engine, SolveJobRecord job, PlanningProblem problem, SolveOptions solve, RunningJobs.Running running)
    {
        var request = JsonSerializer.Deserialize<AdviceRequest>(job.RequestJson, JsonDefaults.Options)!;
        var document = new JsonObject { ["candidates"] = new JsonArray([.. request.Candidates.Select(c => c.DeepClone())]) }.ToJsonString();
        var candidates = CandidateReader.Read(document, problem).Value ?? throw new InvalidOperationException("The job's stored candidates no longer read.");
        var by = request.By == "cost" ? HiresBy.Cost : HiresBy.Count;
        var target = new AdviceTarget
        {
            LowestChildAtLeast = request.Target?.LowestChildAtLeast,
            UnderThreesMeanAtLeast = request.Target?.UnderThreesMeanAtLeast,
            DistinctPerWeekAtMost = request.Target?.DistinctPerWeekAtMost,
        };

        // The advice reports no progress of its own: the elapsed time is what a follower sees while it runs.
        using var ticking = new CancellationTokenSource();
        var ticker = ElapsedTicker.TickAsync(running, ticking.Token);
        try
        {
            var result = await new AdviceSolver(engine).AdviseAsync(problem, candidates, new AdviceOptions { Solve = solve, By = by, Target = target }, running.Cancellation.Token);
            return new Done(result, by);
        }
        finally
        {
            await ticking.CancelAsync();
            await ticker;
        }
    }

    /// <summary>Ends the job with its advice: succeeded when the hires reach the target within every hard rule, infeasible when not, cancelled when asked.</summary>
    public static void Record(SolveJobRecord job, Done done)
    {
        var result = done.Result;
        var reached = result.Status is AdviceStatus.Proven or AdviceStatus.BestFound && result.Validation.IsValid;
        job.State = job.CancelRequested ? JobState.Cancelled : reached ? JobState.Succeeded : JobState.Infeasible;
        job.Error = null;
        job.SolverStatus = JsonNames.Of(result.Status);
        job.ResultJson = JsonSerializer.Serialize(Outcome(result, done.By), JsonDefaults.Options);
        job.ElapsedSeconds = result.Seconds;
        job.Incumbent = done.By == HiresBy.Cost ? result.HireCost : result.HireCount;
        job.Bound = result.HiresBound;
        job.FinishedAt = DateTime.UtcNow;
    }

    public static AdviceOutcome Outcome(AdviceResult result, HiresBy by) => new(
        JsonNames.Of(result.Status),
        AdviceWords.StatusText(result, by),
        JsonNames.Of(by),
        AdviceWords.Headline(result),
        [.. result.Hires.Select(h => new HireView(
            h.Candidate.Id,
            h.Candidate.Like,
            h.Candidate.Contract.HoursPerWeek,
            JsonNames.Of(h.Candidate.Contract.EmploymentType),
            [.. h.Candidate.Skills.Order(StringComparer.Ordinal)],
            [.. h.Candidate.AllowedGroups.Order(StringComparer.Ordinal)],
            h.Candidate.Price,
            h.Count,
            h.CopyIds,
            AdviceWords.Describe(h)))],
        result.HireCount,
        result.HireCost,
        result.HiresBound,
        result.UncoveredBefore,
        RotaSolver.Shortfall(result.Before.Validation),
        result.UncoveredAfter,
        result.ContinuityBefore,
        result.ContinuityAfter,
        result.Validation.HardCount,
        result.Seconds,
        result.Before.Seconds,
        result.ProvenSeconds,
        result.Diagnosis,
        JsonNode.Parse(DocumentWriter.Write(result.Problem))!.AsObject(),
        JsonNode.Parse(DocumentWriter.Write(result.Rota))!.AsObject(),
        new AdviceTargetBody(result.Target.LowestChildAtLeast, result.Target.UnderThreesMeanAtLeast, result.Target.DistinctPerWeekAtMost),
        result.TargetReached,
        result.TargetMisses,
        result.MostDistinctPerWeekBefore,
        result.MostDistinctPerWeekAfter);
}
