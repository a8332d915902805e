using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContinuityScheduler.Api.Contracts;
using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Api.Jobs;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Solver.Advice;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ContinuityScheduler.Api.Scenarios;

/// <summary>Each comparison column's staffing advice: the latest ended advice job of the same data (scenario or none) and horizon.</summary>
public static class ColumnAdvice
{
    /// <summary>What a column's advice must match: the scenario (null: the institution's own data) and the horizon.</summary>
    public readonly record struct Key(string? Scenario, string HorizonStart, int Weeks);

    /// <summary>The scenario a stored job request was made for (solve or advice), or null when of the institution's own data.</summary>
    public static string? ScenarioOf(JsonNode request) => request["scenarioId"] is JsonValue s && s.TryGetValue<string>(out var id) ? id : null;

    public static async Task<IReadOnlyList<ComparisonAdvice?>> ForAsync(SchedulerDb db, IMemoryCache cache, string institutionId, IReadOnlyList<Key> columns, CancellationToken cancellation)
    {
        // Cancelled advice stopped when asked, not when it answered: its figures are of a cut-short search. Failed advice has none.
        var ended = await db.SolveJobs.AsNoTracking()
            .Where(j => j.InstitutionId == institutionId && j.Kind == JobState.AdviceKind && (j.State == JobState.Succeeded || j.State == JobState.Infeasible) && j.ResultJson != null)
            .Select(j => new { j.Id, j.FinishedAt, j.CreatedAt })
            .ToListAsync(cancellation);
        // A job's request never changes, so neither does its key: one entry per institution, grown by the jobs not read yet.
        var keys = cache.GetOrCreate(("advice-keys", institutionId), entry =>
        {
            entry.Size = 1;
            return new ConcurrentDictionary<Guid, Key?>();
        })!;
        var unread = ended.Select(j => j.Id).Where(id => !keys.ContainsKey(id)).ToList();
        if (unread.Count > 0)
        {
            var requests = await db.SolveJobs.AsNoTracking().Where(j => j.InstitutionId == institutionId && unread.Contains(j.Id)).Select(j => new { j.Id, j.RequestJson }).ToListAsync(cancellation);
            foreach (var request in requests)
            {
                keys[request.Id] = KeyOf(request.RequestJson);
            }
        }

        var wanted = columns.ToHashSet();
        var latest = ended
            .Where(j => keys.GetValueOrDefault(j.Id) is { } key && wanted.Contains(key))
            .GroupBy(j => keys[j.Id]!.Value)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(j => j.FinishedAt).ThenByDescending(j => j.CreatedAt).First());
        var advice = latest.Values.ToDictionary(j => j.Id, j => cache.TryGetValue<ComparisonAdvice>(("advice-column", j.Id), out var shown) ? shown : null);
        var missing = advice.Where(a => a.Value is null).Select(a => a.Key).ToList();
        if (missing.Count > 0)
        {
            var finishedAt = latest.Values.ToDictionary(j => j.Id, j => j.FinishedAt);
            var results = await db.SolveJobs.AsNoTracking().Where(j => j.InstitutionId == institutionId && missing.Contains(j.Id)).Select(j => new { j.Id, j.ResultJson }).ToListAsync(cancellation);
            foreach (var result in results)
            {
                // An ended job's advice never changes; only the fields a column shows are read, not the problem and rota.
                var outcome = JsonSerializer.Deserialize<Outcome>(result.ResultJson!, JsonDefaults.Options)!;
                advice[result.Id] = cache.Set(("advice-column", result.Id), Of(result.Id, outcome, finishedAt[result.Id]), new MemoryCacheEntryOptions { Size = 1 });
            }
        }

        return [.. columns.Select(c => latest.TryGetValue(c, out var job) ? advice.GetValueOrDefault(job.Id) : null)];
    }

    /// <summary>The fields of a stored <see cref="AdviceOutcome"/> that a column shows.</summary>
    private sealed record Outcome(string Status, string StatusText, string? Headline, int HireCount, double UncoveredAfter, LowestChild ContinuityAfter);

    private sealed record LowestChild(double Min);

    private static ComparisonAdvice Of(Guid jobId, Outcome outcome, DateTime? finishedAt) => new(
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
        return request["horizon"] is JsonObject horizon
            && horizon["start"] is JsonValue start && start.TryGetValue<string>(out var from)
            && horizon["weeks"] is JsonValue weeks && weeks.TryGetValue<double>(out var count)
            ? new Key(ScenarioOf(request), from, (int)count)
            : null;
    }
}
