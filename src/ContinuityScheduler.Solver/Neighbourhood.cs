using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Solver.Model;
using NodaTime;

namespace ContinuityScheduler.Solver;

/// <summary>
/// The part of a rota the search frees while everything else stays fixed: the posts of one cluster of groups on a
/// run of dates, for every caregiver who may work there.
/// </summary>
public sealed record Neighbourhood(IReadOnlySet<string> GroupIds, DateInterval Dates)
{
    /// <summary>Weeks a window frees: small enough for the engine to solve in seconds, wide enough to move a weekend.</summary>
    public const int WindowWeeks = 2;

    public bool Frees(PlanningProblem problem, AssignmentKey key) =>
        Dates.Contains(key.Date) && problem.DemandsById[key.DemandId].GroupIds.All(GroupIds.Contains);

    /// <summary>
    /// The search's order: every cluster's windows of <see cref="WindowWeeks"/> weeks, sliding a week at a time, the
    /// clusters taking turns so that neighbourhoods solved side by side rarely touch; then each cluster's whole horizon.
    /// </summary>
    public static IReadOnlyList<Neighbourhood> All(PlanningProblem problem, IReadOnlyList<IReadOnlySet<string>> clusters)
    {
        var horizon = problem.Horizon;
        var windows = Enumerable.Range(0, Math.Max(1, horizon.Weeks - WindowWeeks + 1))
            .Select(w => new DateInterval(horizon.Start.PlusWeeks(w), LocalDate.Min(horizon.End, horizon.Start.PlusWeeks(w + WindowWeeks).PlusDays(-1))))
            .ToList();
        var whole = horizon.Dates;
        var list = windows.SelectMany(dates => clusters.Select(groups => new Neighbourhood(groups, dates))).ToList();
        if (!windows.Contains(whole))
        {
            list.AddRange(clusters.Select(groups => new Neighbourhood(groups, whole)));
        }

        return list;
    }
}
