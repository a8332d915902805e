using ContinuityScheduler.Domain.Model;

namespace ContinuityScheduler.Domain.Json;

/// <summary>Reads a rota document against the planning problem it belongs to.</summary>
public static class RotaReader
{
    public static LoadResult<Rota> Read(string json, PlanningProblem problem) => JsonField.ReadDocument(json, root =>
    {
        if (!root.IsObject("madeBy", "assignments"))
        {
            return null;
        }

        var madeBy = root.String("madeBy", required: false) ?? "manual";
        var assignments = root.Items("assignments", required: true).Select(a => ReadAssignment(a, problem)).ToList();
        return root.Errors.Count == 0 ? new Rota(assignments!, madeBy) : null;
    });

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
