using ContinuityScheduler.Domain.Scenarios;

namespace ContinuityScheduler.Api.Contracts;

/// <summary>One rota in a comparison: which rota, made how, for which scenario, and its figures.</summary>
public sealed record ComparisonColumn(Guid RotaId, string HorizonStart, int Weeks, string MadeBy, string? Scenario, RotaFigures Figures);

public sealed record ComparisonLine(string Label, IReadOnlyList<string> Values);

/// <summary>Rotas side by side: the figures of each, and the same as labelled, formatted lines for a table.</summary>
public sealed record ComparisonView(IReadOnlyList<ComparisonColumn> Columns, IReadOnlyList<ComparisonLine> Lines);

/// <summary>A scenario as stored: its id and the scenario document (name, description, changes).</summary>
public sealed record ScenarioBody(string? Id, string Name, string? Description, List<System.Text.Json.Nodes.JsonObject> Changes);
