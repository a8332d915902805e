using ContinuityScheduler.Domain.Model;

namespace ContinuityScheduler.Solver.Model;

/// <summary>
/// The published rota a repair starts from: each assignment added to it or taken from it is a change, priced so that
/// the repair changes as little as it can, and a replacement from the group's core team is cheaper than another.
/// </summary>
public sealed class RepairReference
{
    private readonly HashSet<(string, NodaTime.LocalDate, string)> published;
    private readonly Dictionary<string, HashSet<string>> coreTeams;

    public RepairReference(PlanningProblem problem, Rota rota)
    {
        Rota = rota;
        published = [.. rota.Assignments.Select(a => (a.CaregiverId, a.Date, a.DemandId))];
        // The core team: the group's designated one, else the K caregivers with most shifts there in the published rota.
        coreTeams = problem.Groups.ToDictionary(g => g.Id, g => g.CoreTeam.Count > 0
            ? g.CoreTeam.ToHashSet(StringComparer.Ordinal)
            : rota.Assignments.Where(a => problem.DemandsById.TryGetValue(a.DemandId, out var d) && d.Covers(g.Id))
                .GroupBy(a => a.CaregiverId)
                .OrderByDescending(c => c.Count()).ThenBy(c => c.Key, StringComparer.Ordinal)
                .Take(g.CoreTeamTarget)
                .Select(c => c.Key)
                .ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    public Rota Rota { get; }

    public bool IsPublished(string caregiverId, NodaTime.LocalDate date, string demandId) => published.Contains((caregiverId, date, demandId));

    /// <summary>What adding this assignment costs; taking a published one away costs the full change.</summary>
    public double AddCost(Demand demand, string caregiverId, ObjectiveWeights weights) =>
        demand.GroupIds.All(g => coreTeams.TryGetValue(g, out var team) && team.Contains(caregiverId))
            ? weights.Change * weights.CoreTeamChangeShare
            : weights.Change;
}
