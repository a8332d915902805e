using ContinuityScheduler.Domain.Scenarios;
using ContinuityScheduler.Domain.Scoring;

namespace ContinuityScheduler.Api.Contracts;

/// <summary>
/// One rota in a comparison: which rota, made how, for which scenario, its figures, and its year view: the rota published
/// after the institution's published rotas of the year up to its horizon's end (null when none is published then).
/// </summary>
public sealed record ComparisonColumn(Guid RotaId, string HorizonStart, int Weeks, string MadeBy, string? Scenario, RotaFigures Figures, YearView? Year);

public sealed record ComparisonLine(string Label, IReadOnlyList<string> Values);

/// <summary>Rotas side by side: the figures of each, and the same as labelled, formatted lines for a table.</summary>
public sealed record ComparisonView(IReadOnlyList<ComparisonColumn> Columns, IReadOnlyList<ComparisonLine> Lines);

/// <summary>A scenario as stored: its id and the scenario document (name, description, changes).</summary>
public sealed record ScenarioBody(string? Id, string Name, string? Description, List<System.Text.Json.Nodes.JsonObject> Changes);
