using ContinuityScheduler.Domain.Scenarios;
using ContinuityScheduler.Domain.Scoring;

namespace ContinuityScheduler.Api.Contracts;

/// <summary>
/// One rota in a comparison: which rota, made how, for which scenario, its figures, and its year view: the rota published
/// after the institution's published rotas of the year up to its horizon's end (null when none is published then), and
/// the staffing advice for its data and horizon (null when no advice of them has ended).
/// </summary>
public sealed record ComparisonColumn(Guid RotaId, string HorizonStart, int Weeks, string MadeBy, string? Scenario, RotaFigures Figures, YearView? Year, ComparisonAdvice? Advice);

/// <summary>
/// A column's staffing advice: the latest advice job that ended (succeeded or infeasible) for the column's scenario (none: the
/// institution's own data; so the hospital way's column gets the institution's) and horizon, as its stored advice says:
/// <c>status</c>, <c>statusText</c> and <c>headline</c> as in the advice, <c>whatItWouldTake</c> (the headline, or why there
/// is none: the words of <c>continuity compare --candidates</c>), the hires, the uncovered person-shifts and the lowest child's score after.
/// </summary>
public sealed record ComparisonAdvice(
    Guid JobId,
    string Status,
    string StatusText,
    string? Headline,
    string WhatItWouldTake,
    int HireCount,
    double UncoveredAfter,
    double LowestChildAfter,
    DateTime? FinishedAt);

public sealed record ComparisonLine(string Label, IReadOnlyList<string> Values);

/// <summary>Rotas side by side: the figures of each, and the same as labelled, formatted lines for a table.</summary>
public sealed record ComparisonView(IReadOnlyList<ComparisonColumn> Columns, IReadOnlyList<ComparisonLine> Lines);

/// <summary>A scenario as stored: its id and the scenario document (name, description, changes).</summary>
public sealed record ScenarioBody(string? Id, string Name, string? Description, List<System.Text.Json.Nodes.JsonObject> Changes);
