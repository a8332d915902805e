using System.Globalization;
using ContinuityScheduler.Domain.Json;

namespace ContinuityScheduler.Solver.Advice;

/// <summary>Advice in a leader's words, one wording for the CLI, the API and the page.</summary>
public static class AdviceWords
{
    /// <summary>"1 × 30 h caregiver with infant for sunflower, bluebell (infant-30)": a hire in a leader's words.</summary>
    public static string Describe(Hire hire)
    {
        var candidate = hire.Candidate;
        var type = candidate.Contract.IsOnCall ? $"{JsonNames.Of(candidate.Contract.EmploymentType)} " : "";
        var skills = candidate.Skills.Count > 0 ? $" with {string.Join(" and ", candidate.Skills.Order(StringComparer.Ordinal))}" : "";
        var groups = candidate.AllowedGroups.Count > 0 ? $" for {string.Join(", ", candidate.AllowedGroups.Order(StringComparer.Ordinal))}" : "";
        var name = candidate.Like is { } like ? $" (like {like})" : candidate.Id is { } id ? $" ({id})" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{hire.Count} × {candidate.Contract.HoursPerWeek:0.#} h {type}caregiver{skills}{groups}{name}");
    }

    /// <summary>The target in words: "no uncovered post", or its score bounds ("lowest child ≥ 60, distinct caregivers per week ≤ 5").</summary>
    public static string Target(AdviceTarget target)
    {
        var bounds = new List<string>();
        if (target.LowestChildAtLeast is { } lowest)
        {
            bounds.Add(string.Create(CultureInfo.InvariantCulture, $"lowest child ≥ {lowest:0.##}"));
        }

        if (target.UnderThreesMeanAtLeast is { } underThrees)
        {
            bounds.Add(string.Create(CultureInfo.InvariantCulture, $"under-threes' mean ≥ {underThrees:0.##}"));
        }

        if (target.DistinctPerWeekAtMost is { } distinct)
        {
            bounds.Add(string.Create(CultureInfo.InvariantCulture, $"distinct caregivers per week ≤ {distinct:0.##}"));
        }

        return bounds.Count == 0 ? "no uncovered post" : $"no uncovered post, {string.Join(", ", bounds)}";
    }

    /// <summary>The hires in one sentence when the target is reached ("Hire …; …." or no hire needed); null when it is not.</summary>
    public static string? Headline(AdviceResult result) => result.Status is AdviceStatus.Proven or AdviceStatus.BestFound
        ? result.Hires.Count == 0
            ? $"No hire needed: the staff as they are can cover every post{(result.Target.CoverageOnly ? "" : " and reach the target")}."
            : $"Hire {string.Join("; ", result.Hires.Select(Describe))}."
        : null;

    /// <summary>What it would take, for a table cell: the headline, or why there is none.</summary>
    public static string WhatItWouldTake(string? headline, AdviceStatus status) =>
        headline ?? (status == AdviceStatus.Unreachable ? "cannot be reached with the candidates offered" : "not found in the time");

    /// <summary>The status in words: proven, found but not proven, unreachable (posts left uncovered, or score bounds beyond every rota), or unknown.</summary>
    public static string StatusText(AdviceResult result, HiresBy by)
    {
        var fewest = by == HiresBy.Cost ? "cheapest" : "fewest";
        var reach = result.Target.CoverageOnly ? "covers every post" : "covers every post and reaches the target";
        return result.Status switch
        {
            AdviceStatus.Proven => $"Proven the {fewest}: no {(by == HiresBy.Cost ? "cheaper" : "smaller")} set of the candidates {reach} within the rules, every hire working their contract hours.",
            AdviceStatus.BestFound => $"The {fewest} found, not proven{(result.HiresBound is { } b ? string.Create(CultureInfo.InvariantCulture, $" (at least {b:0.##} needed)") : "")}.",
            AdviceStatus.Unreachable when result.ScoreBoundsOutOfReach => $"Cannot be reached with the candidates offered: no rota within the rules reaches the target's score bounds, whatever is hired (proven; the diagnosis says which child and why). The rota shown is the best found {(result.UncoveredAfter > 0 ? "towards covering every post" : "that covers every post")}.",
            AdviceStatus.Unreachable => "Cannot be reached with the candidates offered: within the rules, every hire working their contract hours, even hiring all of them leaves posts uncovered (proven).",
            _ => $"Unknown: the time ran out before any set of hires was found that {reach}; try a longer time limit.",
        };
    }
}
