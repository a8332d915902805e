using System.Text.Json;
using System.Text.Json.Nodes;
using ContinuityScheduler.Api.Contracts;
using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Api.Jobs;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Solver.Advice;
using Microsoft.EntityFrameworkCore;

namespace ContinuityScheduler.Api.Scenarios;

/// <summary>Each comparison column's staffing advice: the latest ended advice job of the same data (scenario or none) and horizon.</summary>
public static class ColumnAdvice
{
    /// <summary>What a column's advice must match: the scenario (null: the institution's own data) and the horizon.</summary>
    public readonly record struct Key(string? Scenario, string HorizonStart, int Weeks);

    public static async Task<IReadOnlyList<ComparisonAdvice?>> ForAsync(SchedulerDb db, string institutionId, IReadOnlyList<Key> columns, CancellationToken cancellation)
    {
        // Cancelled and failed advice is left out: a cancelled one's hires were never proven or even found in full.
        var ended = await db.SolveJobs.AsNoTracking()
            .Where(j => j.InstitutionId == institutionId && j.Kind == JobState.AdviceKind && (j.State == JobState.Succeeded || j.State == JobState.Infeasible) && j.ResultJson != null)
            .Select(j => new { j.Id, j.RequestJson, j.FinishedAt, j.CreatedAt })
            .ToListAsync(cancellation);
        var wanted = columns.ToHashSet();
        var latest = ended
            .Select(j => (j.Id, Key: KeyOf(j.RequestJson), j.FinishedAt, j.CreatedAt))
            .Where(j => j.Key is { } key && wanted.Contains(key))
            .GroupBy(j => j.Key!.Value)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(j => j.FinishedAt).ThenByDescending(j => j.CreatedAt).First().Id);
        var ids = latest.Values.ToList();
        var results = await db.SolveJobs.AsNoTracking().Where(j => ids.Contains(j.Id)).Select(j => new { j.Id, j.ResultJson, j.FinishedAt }).ToListAsync(cancellation);
        var advice = results.ToDictionary(j => j.Id, j => Of(j.Id, JsonSerializer.Deserialize<AdviceOutcome>(j.ResultJson!, JsonDefaults.Options)!, j.FinishedAt));
        return [.. columns.Select(c => latest.TryGetValue(c, out var id) ? advice[id] : null)];
    }

    private static ComparisonAdvice Of(Guid jobId, AdviceOutcome outcome, DateTime? finishedAt) => new(
        jobId,
        outcome.Status,
        outcome.StatusText,
        outcome.Headline,
        AdviceWords.WhatItWouldTake(outcome.Headline, JsonNames.TryParse<AdviceStatus>(outcome.Status, out var status) ? status : AdviceStatus.Unknown),
        outcome.HireCount,
        outcome.UncoveredAfter,
        outcome.ContinuityAfter.Min,
        finishedAt);

    /// <summary>The stored request's scenario and horizon; null when its horizon does not read (it always does once admitted).</summary>
    private static Key? KeyOf(string requestJson)
    {
        var request = JsonNode.Parse(requestJson)!;
        var scenario = request["scenarioId"] is JsonValue s && s.TryGetValue<string>(out var id) ? id : null;
        return request["horizon"] is JsonObject horizon
            && horizon["start"] is JsonValue start && start.TryGetValue<string>(out var from)
            && horizon["weeks"] is JsonValue weeks && weeks.TryGetValue<double>(out var count)
            ? new Key(scenario, from, (int)count)
            : null;
    }
}
