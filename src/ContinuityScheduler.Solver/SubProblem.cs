using ContinuityScheduler.Domain.Model;

namespace ContinuityScheduler.Solver;

/// <summary>
/// A planning problem cut down to some groups and some caregivers: their posts, the children living there (only
/// their stays in these groups), the caregivers' history and pins. Caregivers who are in no other part make the
/// parts independent, so their rotas can be solved apart and put together.
/// </summary>
public static class SubProblem
{
    public static PlanningProblem Of(PlanningProblem problem, IReadOnlySet<string> groupIds, IReadOnlySet<string> caregiverIds)
    {
        var children = problem.Children
            .Select(c => (child: c, stays: c.Memberships.Where(m => groupIds.Contains(m.GroupId)).ToList()))
            .Where(c => c.stays.Count > 0)
            .Select(c => new Child(c.child.Id, c.child.BirthDate, c.stays, c.child.KeyPersons, c.child.DaysAway));
        var history = new History(
            problem.History.From,
            problem.History.Shifts.Where(s => caregiverIds.Contains(s.CaregiverId)),
            problem.History.WeeklyHours.Where(w => caregiverIds.Contains(w.CaregiverId)));
        return new PlanningProblem(
            problem.Institution,
            problem.Horizon,
            problem.Groups.Where(g => groupIds.Contains(g.Id)),
            children,
            problem.Caregivers.Where(c => caregiverIds.Contains(c.Id)),
            problem.ShiftTypes,
            problem.Demands.Where(d => d.GroupIds.All(groupIds.Contains)),
            history,
            problem.Pins.Where(p => caregiverIds.Contains(p.CaregiverId) && (p.DemandId is null || problem.DemandsById[p.DemandId].GroupIds.All(groupIds.Contains))));
    }

    /// <summary>
    /// Splits a problem into its clusters of groups, each with the caregivers who may work only there; caregivers
    /// who may work in several clusters (relief pools) are dealt round-robin, so every caregiver is in one part.
    /// </summary>
    public static IReadOnlyList<PlanningProblem> Split(PlanningProblem problem, IReadOnlyList<IReadOnlySet<string>> clusters)
    {
        var members = clusters.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToList();
        var shared = 0;
        foreach (var caregiver in problem.Caregivers)
        {
            var homes = clusters.Select((c, i) => (c, i)).Where(x => x.c.Any(caregiver.MayWorkIn)).Select(x => x.i).ToList();
            var home = homes.Count == 1 ? homes[0] : homes.Count == 0 ? 0 : homes[shared++ % homes.Count];
            members[home].Add(caregiver.Id);
        }

        return [.. clusters.Select((c, i) => Of(problem, c, members[i]))];
    }
}
