using ContinuityScheduler.Domain.Model;

namespace ContinuityScheduler.Solver;

/// <summary>
/// Groups that share staff: linked by a post that covers several of them or by a caregiver who may work in some
/// of them. Caregivers who may work anywhere (relief pools) link nothing, or every home would be one cluster.
/// </summary>
public static class Clusters
{
    public static IReadOnlyList<IReadOnlySet<string>> Of(PlanningProblem problem)
    {
        var parent = problem.Groups.ToDictionary(g => g.Id, g => g.Id, StringComparer.Ordinal);
        string Root(string id) => parent[id] == id ? id : parent[id] = Root(parent[id]);
        void Join(IEnumerable<string> ids)
        {
            var list = ids.Where(parent.ContainsKey).ToList();
            foreach (var other in list.Skip(1))
            {
                parent[Root(other)] = Root(list[0]);
            }
        }

        foreach (var demand in problem.Demands)
        {
            Join(demand.GroupIds);
        }

        foreach (var caregiver in problem.Caregivers.Where(c => c.AllowedGroups.Count > 0 && c.AllowedGroups.Count < problem.Groups.Count))
        {
            Join(caregiver.AllowedGroups);
        }

        return [.. problem.Groups
            .GroupBy(g => Root(g.Id))
            .Select(c => (IReadOnlySet<string>)c.Select(g => g.Id).ToHashSet(StringComparer.Ordinal))];
    }
}
