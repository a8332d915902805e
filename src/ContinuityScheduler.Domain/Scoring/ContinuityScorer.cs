using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Shifts;
using NodaTime;

namespace ContinuityScheduler.Domain.Scoring;

/// <summary>
/// Scores any rota, however it was made, child by child exactly as DESIGN section 5 defines it.
/// A pure function of the problem and the rota.
/// </summary>
public static class ContinuityScorer
{
    public static ContinuityReport Score(PlanningProblem problem, Rota rota) => Score(new ResolvedRota(problem, rota));

    public static ContinuityReport Score(ResolvedRota rota)
    {
        var problem = rota.Problem;
        var shiftsByGroup = ShiftsByGroup(rota);
        var children = problem.Children
            .Select(child => ScoreChild(problem, child, shiftsByGroup))
            .OfType<ChildContinuity>()
            .OrderBy(c => c.Score)
            .ThenBy(c => c.ChildId, StringComparer.Ordinal)
            .ToList();
        var groups = problem.Groups
            .Select(g => new GroupContinuity(g.Id, g.Name, ContinuitySummary.Of([.. children.Where(c => c.GroupId == g.Id)])))
            .ToList();
        return new ContinuityReport(children, groups, ContinuitySummary.Of(children));
    }

    /// <summary>The caregivers a child is in contact with on each day it is present, as the score counts contact (ChildHistory reads them).</summary>
    public static IReadOnlyDictionary<LocalDate, IReadOnlySet<string>> Contacts(ResolvedRota rota, Child child) =>
        ContactOf(rota.Problem, child, ShiftsByGroup(rota)).ContactByDay.ToDictionary(d => d.Key, d => (IReadOnlySet<string>)d.Value);

    // History counts too: last Sunday's sleep-in is on duty at the first Monday's wake-up.
    private static ILookup<string, WorkedShift> ShiftsByGroup(ResolvedRota rota) => rota.Timelines.Values.SelectMany(t => t.Shifts)
        .SelectMany(s => s.GroupIds.Select(g => (g, s)))
        .ToLookup(x => x.g, x => x.s, StringComparer.Ordinal);

    /// <summary>The child's present days, its contacts each day and its contact hours with each caregiver.</summary>
    private static (List<PresentDay> Days, Dictionary<LocalDate, HashSet<string>> ContactByDay, Dictionary<string, double> Hours) ContactOf(PlanningProblem problem, Child child, ILookup<string, WorkedShift> shiftsByGroup)
    {
        var days = PresentDay.Of(problem, child);
        var hours = new Dictionary<string, double>(StringComparer.Ordinal);
        var contactByDay = new Dictionary<LocalDate, HashSet<string>>();
        foreach (var day in days)
        {
            var contact = contactByDay[day.Date] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var shift in shiftsByGroup[day.GroupId])
            {
                var overlap = OverlapHours(shift.Interval, day.WakingDay);
                if (overlap > 0)
                {
                    hours[shift.CaregiverId] = hours.GetValueOrDefault(shift.CaregiverId) + overlap;
                    contact.Add(shift.CaregiverId);
                }
            }
        }

        return (days, contactByDay, hours);
    }

    /// <summary>One child's continuity, or null when the child is not present on any date of the horizon.</summary>
    private static ChildContinuity? ScoreChild(PlanningProblem problem, Child child, ILookup<string, WorkedShift> shiftsByGroup)
    {
        var (days, contactByDay, hours) = ContactOf(problem, child, shiftsByGroup);
        if (days.Count == 0)
        {
            return null;
        }

        var totalHours = hours.Values.Sum();
        // Weeks without any contact are left out: they would lower the average and so raise the score.
        var weeklyCounts = days
            .GroupBy(d => Week.StartOf(d.Date))
            .Select(week => week.SelectMany(d => contactByDay[d.Date]).Distinct(StringComparer.Ordinal).Count())
            .Where(count => count > 0)
            .ToList();
        var perWeek = weeklyCounts.Count > 0 ? weeklyCounts.Average() : 0;
        var mainGroup = days.GroupBy(d => d.GroupId).OrderByDescending(g => g.Count()).First().Key;
        var coreTeam = CoreTeam(problem, child, mainGroup, hours);
        var keyPersons = child.KeyPersons.Count > 0
            ? child.KeyPersons
            : [.. coreTeam.OrderByDescending(c => hours.GetValueOrDefault(c)).ThenBy(c => c, StringComparer.Ordinal).Take(2)];

        var keyPersonDays = days.Count(d => contactByDay[d.Date].Overlaps(keyPersons)) / (double)days.Count;
        var coreSet = coreTeam.ToHashSet(StringComparer.Ordinal);
        var keyMomentHits = days.Sum(d =>
            (OnDuty(shiftsByGroup[d.GroupId], d.WakeUp).Overlaps(coreSet) ? 1 : 0) +
            (OnDuty(shiftsByGroup[d.GroupId], d.Bedtime).Overlaps(coreSet) ? 1 : 0));
        var keyMoments = keyMomentHits / (2.0 * days.Count);
        var coreShare = totalHours > 0 ? coreSet.Sum(c => hours.GetValueOrDefault(c)) / totalHours : 0;
        var sameAdultNights = SameAdultNights(days, shiftsByGroup);

        var weights = problem.Institution.ScoreWeights;
        var distinctTerm = perWeek > 0 ? Math.Min(1, weights.TargetDistinctPerWeek / perWeek) : 0;
        var score = 100 * ((weights.CoreShare * coreShare) + (weights.KeyPersonDays * keyPersonDays) + (weights.KeyMoments * keyMoments) + (weights.DistinctPerWeek * distinctTerm));

        return new ChildContinuity(
            child.Id,
            mainGroup,
            child.IsUnderThreeOn(problem.Horizon.Start),
            days.Count,
            totalHours,
            hours.Count,
            perWeek,
            coreShare,
            keyPersonDays,
            keyMoments,
            sameAdultNights,
            score,
            coreTeam,
            keyPersons);
    }

    /// <summary>The designated core team of the child's main group plus key persons; else the K caregivers with most contact hours.</summary>
    private static IReadOnlyList<string> CoreTeam(PlanningProblem problem, Child child, string mainGroup, Dictionary<string, double> hours)
    {
        var designated = problem.GroupsById[mainGroup].CoreTeam;
        if (designated.Count > 0)
        {
            return [.. designated.Concat(child.KeyPersons).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        }

        return [.. hours
            .OrderByDescending(h => h.Value)
            .ThenBy(h => h.Key, StringComparer.Ordinal)
            .Take(problem.GroupsById[mainGroup].CoreTeamTarget)
            .Select(h => h.Key)];
    }

    /// <summary>Share of nights (between two present days) on which someone on duty at bedtime is on duty at the next wake-up.</summary>
    private static double SameAdultNights(List<PresentDay> days, ILookup<string, WorkedShift> shiftsByGroup)
    {
        var nights = 0;
        var same = 0;
        for (var i = 0; i + 1 < days.Count; i++)
        {
            var evening = days[i];
            var morning = days[i + 1];
            if (morning.Date != evening.Date.PlusDays(1))
            {
                continue;
            }

            nights++;
            if (OnDuty(shiftsByGroup[evening.GroupId], evening.Bedtime).Overlaps(OnDuty(shiftsByGroup[morning.GroupId], morning.WakeUp)))
            {
                same++;
            }
        }

        return nights == 0 ? 0 : same / (double)nights;
    }

    private static HashSet<string> OnDuty(IEnumerable<WorkedShift> shifts, Instant instant) =>
        shifts.Where(s => s.Interval.Contains(instant)).Select(s => s.CaregiverId).ToHashSet(StringComparer.Ordinal);

    private static double OverlapHours(Interval a, Interval b)
    {
        var start = Instant.Max(a.Start, b.Start);
        var end = Instant.Min(a.End, b.End);
        return end > start ? (end - start).TotalHours : 0;
    }

}
