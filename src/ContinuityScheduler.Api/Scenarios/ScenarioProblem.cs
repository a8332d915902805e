using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Api.Http;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Scenarios;
using Microsoft.EntityFrameworkCore;

namespace ContinuityScheduler.Api.Scenarios;

/// <summary>A stored scenario applied to a horizon's assembled problem: what a scenario's solve and a scenario's advice both run on.</summary>
public static class ScenarioProblem
{
    /// <summary>The stored scenario, or null when the institution has none of that id.</summary>
    public static Task<ResourceRecord?> FindAsync(SchedulerDb db, string institutionId, string scenarioId, CancellationToken cancellation) =>
        db.Resources.AsNoTracking().FirstOrDefaultAsync(r => r.InstitutionId == institutionId && r.Kind == ScenarioEndpoints.Kind && r.Key == scenarioId, cancellation);

    public static IResult NotFound(string scenarioId) => Problems.NotFound($"scenario '{scenarioId}'", "$.scenarioId");

    /// <summary>The institution's problem changed by the scenario, or a 409 naming each error in the changed document when it no longer fits.</summary>
    public static (PlanningProblem? Problem, IResult? Stop) Build(ResourceRecord scenarioRow, string assembledJson)
    {
        var scenarioId = scenarioRow.Key;
        if (ScenarioReader.Read(scenarioRow.Json).Value is not { } scenario)
        {
            return (null, Problems.Conflict($"The stored scenario '{scenarioId}' no longer reads; PUT it again.", [new FieldError("$", "Does not read as a scenario.", $"scenarios/{scenarioId}")]));
        }

        var built = ScenarioBuilder.Build(assembledJson, scenario);
        return built.Value is null
            ? (null, Problems.Conflict($"Scenario '{scenarioId}' does not fit the institution's data now; each error is listed.", built.Errors.Select(e => new FieldError(e.Path, e.Message, $"scenarios/{scenarioId}"))))
            : (built.Value, null);
    }
}
