using System.Text.Json.Nodes;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;

namespace ContinuityScheduler.Domain.Scenarios;

/// <summary>Applies a scenario's changes to a base planning-problem document and reads the result with the strict reader.</summary>
public static class ScenarioBuilder
{
    public static LoadResult<PlanningProblem> Build(string baseDocument, Scenario scenario)
    {
        var document = JsonNode.Parse(baseDocument)!.AsObject();
        foreach (var change in scenario.Changes)
        {
            change.ApplyTo(document);
        }

        var result = ProblemReader.Read(document.ToJsonString());
        return result.Value is not null
            ? result
            : LoadResult<PlanningProblem>.Failure([.. result.Errors.Select(e => e with { Message = $"After the changes of scenario '{scenario.Name}': {e.Message}" })]);
    }
}
