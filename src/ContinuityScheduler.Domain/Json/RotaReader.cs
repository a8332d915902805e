using ContinuityScheduler.Domain.Model;

namespace ContinuityScheduler.Domain.Json;

/// <summary>
/// Reads a rota document against the planning problem it belongs to. An assignment given twice is refused (a caregiver
/// works one post once a date), and a rota holds at most <see cref="MaxAssignments"/>: the work of judging it stays
/// bounded whoever sends it.
/// </summary>
public static class RotaReader
{
    public const int MaxAssignments = 100_000;

    public static LoadResult<Rota> Read(string json, PlanningProblem problem) => JsonField.ReadDocument(json, root =>
    {
        if (!root.IsObject("madeBy", "assignments"))
        {
            return null;
        }

        var madeBy = root.String("madeBy", required: false) ?? "manual";
        var items = root.Items("assignments", required: true).ToList();
        if (items.Count > MaxAssignments)
        {
            root.Property("assignments")!.Value.Error($"A rota holds at most {MaxAssignments} assignments, found {items.Count}.");
            return null;
        }

        var assignments = items.Select(a => ReadAssignment(a, problem)).ToList();
        var first = new Dictionary<Assignment, string>();
        foreach (var (assignment, item) in assignments.Zip(items).Where(p => p.First is not null))
        {
            if (!first.TryAdd(assignment!, item.Path))
            {
                item.Error($"Repeats {first[assignment!]}: a caregiver works a post once a date.");
            }
        }

        return root.Errors.Count == 0 ? new Rota(assignments!, madeBy) : null;
    });

    private static Assignment? ReadAssignment(JsonField node, PlanningProblem problem)
    {
        if (!node.IsObject("caregiverId", "date", "demandId"))
        {
            return null;
        }

        var caregiver = node.Id("caregiverId");
        var date = node.Date("date");
        var demand = node.Id("demandId");
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
