using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Shifts;

namespace ContinuityScheduler.Domain.Baseline;

/// <summary>
/// The "before" rota: caregivers rotated evenly across all groups, as a home without continuity planning
/// staffs its shifts. Each slot goes to the permanent caregiver who has been in that group least, then to whoever
/// has the fewest hours for their contract. It keeps every hard rule where it can; where nobody can, it first
/// relaxes the limits on hours, days, nights and weekends (never rest, absence, skills or allowed groups), and
/// only then leaves the slot empty for the validator to report.
/// </summary>
public static class HospitalWay
{
    public const string MadeBy = "hospital-way";

    /// <summary>The rules that a hard-pressed home still never breaks when nobody else can take a shift.</summary>
    private static readonly HashSet<string> NeverRelaxed = ["one-shift-per-day", "no-overlap", "min-rest", "absence", "skills", "allowed-groups", "max-shift-length"];

    public static Rota Generate(PlanningProblem problem)
    {
        var strict = new CaregiverRuleCheck(problem);
        var relaxed = new CaregiverRuleCheck(problem, NeverRelaxed);
        var resolved = new ResolvedRota(problem, new Rota([], MadeBy));
        var timelines = resolved.Timelines.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        var inGroup = new Dictionary<(string Caregiver, string Group), int>();
        var assignments = new List<Assignment>();

        void Assign(Assignment assignment)
        {
            var shift = ResolvedRota.Place(problem, assignment);
            timelines[assignment.CaregiverId] = timelines[assignment.CaregiverId].With(shift);
            foreach (var group in shift.GroupIds)
            {
                inGroup[(assignment.CaregiverId, group)] = inGroup.GetValueOrDefault((assignment.CaregiverId, group)) + 1;
            }

            assignments.Add(assignment);
        }

        foreach (var pin in problem.Pins.Where(p => p.Kind == PinKind.Require && problem.Horizon.Contains(p.Date)))
        {
            Assign(new Assignment(pin.CaregiverId, pin.Date, pin.DemandId!));
        }

        var forbidden = problem.Pins.Where(p => p.Kind == PinKind.Forbid).ToList();
        var weeks = problem.Horizon.Weeks;
        foreach (var date in problem.Horizon.Dates)
        {
            var demands = problem.Demands
                .Where(d => d.AppliesOn(date))
                .OrderBy(d => problem.ShiftTypeOf(d).Start)
                .ThenBy(d => d.Id, StringComparer.Ordinal);
            foreach (var demand in demands)
            {
                var open = demand.Count - assignments.Count(a => a.Date == date && a.DemandId == demand.Id);
                for (var slot = 0; slot < open; slot++)
                {
                    // What no tier may relax is filtered first: cheap, and it spares the rule checks most candidates.
                    var candidates = problem.Caregivers
                        .Where(c => c.HasSkills(demand.Skills) && demand.GroupIds.All(c.MayWorkIn) && c.AbsenceOn(date) is null)
                        .Where(c => !timelines[c.Id].Shifts.Any(s => s.Date == date))
                        .Where(c => !forbidden.Any(p => p.Matches(new Assignment(c.Id, date, demand.Id))))
                        .OrderBy(c => c.Contract.IsOnCall)
                        .ThenBy(c => demand.GroupIds.Sum(g => inGroup.GetValueOrDefault((c.Id, g))))
                        .ThenBy(c => timelines[c.Id].RotaShifts.Sum(s => s.WorkingHours) / Math.Max(1, c.Contract.HoursPerWeek * weeks))
                        .ThenBy(c => c.Id, StringComparer.Ordinal)
                        .ToList();
                    var chosen = Pick(candidates, timelines, problem, date, demand, strict) ?? Pick(candidates, timelines, problem, date, demand, relaxed);
                    if (chosen is not null)
                    {
                        Assign(new Assignment(chosen.Id, date, demand.Id));
                    }
                }
            }
        }

        return new Rota(assignments, MadeBy);
    }

    private static Caregiver? Pick(List<Caregiver> candidates, Dictionary<string, CaregiverTimeline> timelines, PlanningProblem problem, NodaTime.LocalDate date, Demand demand, CaregiverRuleCheck check) =>
        candidates.FirstOrDefault(c => check.Allows(timelines[c.Id], ResolvedRota.Place(problem, new Assignment(c.Id, date, demand.Id))));
}
