using ContinuityScheduler.Domain.Model;

namespace ContinuityScheduler.Domain.Shifts;

/// <summary>A rota and its history resolved into real shifts, per caregiver: what the rules and the score read.</summary>
public sealed class ResolvedRota
{
    public ResolvedRota(PlanningProblem problem, Rota rota)
    {
        Problem = problem;
        Rota = rota;
        var zone = problem.Institution.TimeZone;
        var history = problem.History.Shifts.Select(h =>
        {
            var type = Lookup(problem.ShiftTypesByCode, h.ShiftType, "shift type");
            Lookup(problem.CaregiversById, h.CaregiverId, "caregiver");
            return new WorkedShift(h.CaregiverId, h.Date, type, type.IntervalOn(h.Date, zone), h.GroupIds, null);
        });
        RotaShifts = [.. rota.Assignments.Select(a => Place(problem, a))];
        var byCaregiver = history.Concat(RotaShifts).ToLookup(s => s.CaregiverId, StringComparer.Ordinal);
        Timelines = problem.Caregivers.ToDictionary(c => c.Id, c => new CaregiverTimeline(c, byCaregiver[c.Id]), StringComparer.Ordinal);
    }

    public PlanningProblem Problem { get; }

    public Rota Rota { get; }

    /// <summary>The rota's own shifts, in the order of its assignments.</summary>
    public IReadOnlyList<WorkedShift> RotaShifts { get; }

    public IReadOnlyDictionary<string, CaregiverTimeline> Timelines { get; }

    /// <summary>Places one assignment on the time line in the institution's zone.</summary>
    public static WorkedShift Place(PlanningProblem problem, Assignment assignment)
    {
        var demand = Lookup(problem.DemandsById, assignment.DemandId, "demand");
        Lookup(problem.CaregiversById, assignment.CaregiverId, "caregiver");
        var type = problem.ShiftTypeOf(demand);
        return new WorkedShift(assignment.CaregiverId, assignment.Date, type, type.IntervalOn(assignment.Date, problem.Institution.TimeZone), demand.GroupIds, demand);
    }

    private static T Lookup<T>(IReadOnlyDictionary<string, T> items, string key, string what) =>
        items.TryGetValue(key, out var item) ? item : throw new ArgumentException($"Unknown {what} {key}.");
}
