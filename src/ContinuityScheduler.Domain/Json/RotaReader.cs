using System.Text.Json;
using ContinuityScheduler.Domain.Model;

namespace ContinuityScheduler.Domain.Json;

/// <summary>Reads a rota document against the planning problem it belongs to.</summary>
public static class RotaReader
{
    public static LoadResult<Rota> Read(string json, PlanningProblem problem)
    {
        var errors = new List<LoadError>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            return LoadResult<Rota>.Failure([new LoadError("$", $"Not valid JSON: {e.Message}")]);
        }

        using (document)
        {
            var root = new JsonField(document.RootElement, "$", errors);
            if (!root.IsObject("madeBy", "assignments"))
            {
                return LoadResult<Rota>.Failure(errors);
            }

            var madeBy = root.String("madeBy", required: false) ?? "manual";
            var assignments = root.Items("assignments", required: true).Select(a => ReadAssignment(a, problem)).ToList();
            return errors.Count == 0
                ? LoadResult<Rota>.Success(new Rota(assignments!, madeBy))
                : LoadResult<Rota>.Failure(errors);
        }
    }

    private static Assignment? ReadAssignment(JsonField node, PlanningProblem problem)
    {
        if (!node.IsObject("caregiverId", "date", "demandId"))
        {
            return null;
        }

        var caregiver = node.String("caregiverId");
        var date = node.Date("date");
        var demand = node.String("demandId");
        var known = true;
        if (caregiver is not null && !problem.CaregiversById.ContainsKey(caregiver))
        {
            node.Property("caregiverId")!.Value.Error($"Unknown caregiver '{caregiver}'.");
            known = false;
        }

        if (demand is not null && !problem.DemandsById.ContainsKey(demand))
        {
            node.Property("demandId")!.Value.Error($"Unknown demand '{demand}'.");
            known = false;
        }

        return !known || caregiver is null || date is null || demand is null ? null : new Assignment(caregiver, date.Value, demand);
    }
}
