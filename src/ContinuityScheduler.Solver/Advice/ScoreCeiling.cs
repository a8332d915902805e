using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Scoring;
using NodaTime;

namespace ContinuityScheduler.Solver.Advice;

/// <summary>
/// The most each child can score in any rota that covers every post and breaks no hard rule, counted without the
/// engine: each part of the score bounded on its own (so the ceiling is loose, never too low), from what each caregiver
/// may work — skills, groups, absences, shifts a day, days in a row and the hours ceilings. The core share: the hours the
/// K caregivers with the most possible contact can give against the contact hours the posts ask; key-person days: the
/// days a key person can be in contact; key moments: the wake-ups and bedtimes the K can be on duty for; distinct
/// caregivers per week: the fewest whose most hours in the week add up to the week's asked hours. A score bound set
/// above a child's ceiling cannot be reached by any rota, whatever is hired among the copies the problem holds.
/// </summary>
public static partial class ScoreCeiling
{
    /// <summary>Within this, two figures are the same (rounding of hours).</summary>
    private const double Slack = 1e-6;

    /// <summary>Each child present on some date of the horizon, ordered by ceiling, lowest first.</summary>
    public static IReadOnlyList<ChildCeiling> Of(PlanningProblem problem)
    {
        var staff = Staff.Of(problem);
        // Children living in the same groups on the same days with the same key persons share a ceiling: counted once.
        var shared = new Dictionary<string, ChildCeiling?>(StringComparer.Ordinal);
        return [.. problem.Children
            .Select(child =>
            {
                var key = string.Join(',', problem.Horizon.Dates.Select(d => child.GroupOn(d))) + '|' + string.Join(',', child.KeyPersons);
                if (!shared.TryGetValue(key, out var ceiling))
                {
                    shared[key] = ceiling = Of(problem, staff, child);
                }

                return ceiling is null ? null : ceiling with { ChildId = child.Id, UnderThree = child.IsUnderThreeOn(problem.Horizon.Start) };
            })
            .OfType<ChildCeiling>()
            .OrderBy(c => c.Score)
            .ThenBy(c => c.ChildId, StringComparer.Ordinal)];
    }

    private static ChildCeiling? Of(PlanningProblem problem, Staff staff, Child child)
    {
        var days = PresentDay.Of(problem, child);
        if (days.Count == 0)
        {
            return null;
        }

        var posts = Posts(problem, days);
        var history = History(problem, days);
        var asked = staff.CoverageIsHard ? posts.Where(p => p.Applies).Sum(p => p.Count * p.Contact) : 0;

        // A caregiver's most: contact hours, wake-ups and bedtimes on duty, and days in contact with the child.
        var contact = staff.Most(posts, p => p.Contact, history, h => h.Contact);
        var moments = staff.Most(posts, p => p.Moments.Count, history, h => h.Moments.Count);
        var contactDays = staff.Most(posts, p => p.Days.Count, history, h => h.Days.Count);

        var teams = CoreTeams(problem, child, days);
        var core = teams.Max(team => team.Most(contact));
        var coreShare = asked > Slack ? Math.Min(1, core / asked) : 1;

        var keyPersons = child.KeyPersons.Count > 0 ? child.KeyPersons.ToHashSet(StringComparer.Ordinal) : null;
        var keyDays = staff.Possible(posts, history, keyPersons, p => p.Days).Count;
        var keyDaysMost = keyPersons is null ? Top(contactDays.Values, 2) : keyPersons.Sum(id => contactDays.GetValueOrDefault(id));
        var keyPersonDays = Math.Min(keyDays, keyDaysMost) / days.Count;

        var onDuty = teams.Max(team => Math.Min(staff.Possible(posts, history, team.Members, p => p.Moments).Count, team.Most(moments)));
        var keyMoments = onDuty / (2.0 * days.Count);

        var distinct = LeastDistinctPerWeek(staff, days, posts);
        var weights = problem.Institution.ScoreWeights;
        var distinctTerm = distinct > 0 ? Math.Min(1, weights.TargetDistinctPerWeek / distinct) : 1;
        var score = 100 * ((weights.CoreShare * coreShare) + (weights.KeyPersonDays * keyPersonDays) + (weights.KeyMoments * keyMoments) + (weights.DistinctPerWeek * distinctTerm));
        return new ChildCeiling(child.Id, child.IsUnderThreeOn(problem.Horizon.Start), score, coreShare, keyPersonDays, keyMoments, distinct);
    }

    /// <summary>
    /// The fewest distinct caregivers per week on average: in each week, the fewest whose most contact hours that week
    /// add up to what its posts ask; weeks whose posts ask nothing may have one caregiver, or none and not count.
    /// </summary>
    private static double LeastDistinctPerWeek(Staff staff, List<PresentDay> days, List<Post> posts)
    {
        var weeks = days.Select(d => Week.StartOf(d.Date)).Distinct().ToList();
        var needed = 0;
        var asking = 0;
        foreach (var monday in weeks)
        {
            var inWeek = days.Select((d, i) => (d, i)).Where(x => Week.StartOf(x.d.Date) == monday).Select(x => x.i).ToHashSet();
            // Each post's contact hours in the week, counted once: every caregiver's most reads them again.
            var hours = posts.ToDictionary<Post, Post, double>(p => p, p => p.ContactOn.Where(c => inWeek.Contains(c.Day)).Sum(c => c.Hours), ReferenceEqualityComparer.Instance);
            double InWeek(Post post) => hours[post];
            var asked = staff.CoverageIsHard ? posts.Where(p => p.Applies).Sum(p => p.Count * InWeek(p)) : 0;
            if (asked <= Slack)
            {
                continue;
            }

            var most = staff.InWeek(posts, InWeek, monday).OrderDescending().ToList();
            var count = 0;
            for (var sum = 0.0; count < most.Count && sum < asked - Slack; count++)
            {
                sum += most[count];
            }

            needed += Math.Max(1, count);
            asking++;
        }

        // Weeks asking nothing count at least 1 each when they count at all: including them all is the lowest average.
        return asking == 0 ? 0 : (needed + (weeks.Count - asking)) / (double)weeks.Count;
    }

    private static double Top(IEnumerable<double> values, int count) => values.OrderDescending().Take(count).Sum();

    /// <summary>The core teams the scorer may pick: per group the child lives in, its designated team and the key persons, else its K with the most contact.</summary>
    private static List<CoreTeam> CoreTeams(PlanningProblem problem, Child child, List<PresentDay> days) =>
        [.. days.Select(d => problem.GroupsById[d.GroupId]).Distinct().Select(group => group.CoreTeam.Count > 0
            ? new CoreTeam(group.CoreTeam.Concat(child.KeyPersons).ToHashSet(StringComparer.Ordinal), 0)
            : new CoreTeam(null, group.CoreTeamTarget))];

    /// <summary>Every demand on every date of the horizon (the dates it applies on count towards what is asked), with what it gives the child.</summary>
    private static List<Post> Posts(PlanningProblem problem, List<PresentDay> days)
    {
        var zone = problem.Institution.TimeZone;
        var groups = days.Select(d => d.GroupId).ToHashSet(StringComparer.Ordinal);
        var posts = new List<Post>();
        // A rota may name dates before the horizon when coverage (which refuses them) is off: a night from there reaches its first morning.
        var before = problem.ShiftTypes.Max(t => t.EndDayOffset) + 1;
        var dates = new DateInterval(problem.Horizon.Start.PlusDays(-before), problem.Horizon.Dates.End);
        foreach (var demand in problem.Demands.Where(d => d.GroupIds.Any(groups.Contains)))
        {
            var type = problem.ShiftTypeOf(demand);
            foreach (var date in dates)
            {
                var interval = type.IntervalOn(date, zone);
                var given = Gives(days, demand.GroupIds, interval);
                if (given.Any)
                {
                    var applies = problem.Horizon.Dates.Contains(date) && demand.AppliesOn(date);
                    posts.Add(new Post(demand, date, applies, demand.Count, interval.Duration.TotalHours, interval.Duration.TotalHours * type.WorkingTimeFactor, given.ContactOn, given.Moments));
                }
            }
        }

        return posts;
    }

    /// <summary>The history's shifts that give the child contact or a key moment: fixed, whoever the rota picks.</summary>
    private static List<(string CaregiverId, Given Given)> History(PlanningProblem problem, List<PresentDay> days)
    {
        var zone = problem.Institution.TimeZone;
        return [.. problem.History.Shifts
            .Where(s => problem.ShiftTypesByCode.ContainsKey(s.ShiftType))
            .Select(s => (s.CaregiverId, Given: Gives(days, s.GroupIds, problem.ShiftTypesByCode[s.ShiftType].IntervalOn(s.Date, zone))))
            .Where(h => h.Given.Any)];
    }

    /// <summary>A shift's contact hours with the child on each present day it overlaps, and the key moments it is on duty for.</summary>
    private static Given Gives(List<PresentDay> days, IReadOnlyList<string> groupIds, Interval interval)
    {
        var contactOn = new List<(int, double)>();
        var moments = new List<(int, bool)>();
        for (var i = 0; i < days.Count; i++)
        {
            var day = days[i];
            if (!groupIds.Contains(day.GroupId) || interval.End <= day.WakeUp || interval.Start > day.Bedtime)
            {
                continue;
            }

            var start = Instant.Max(interval.Start, day.WakeUp);
            var end = Instant.Min(interval.End, day.Bedtime);
            if (end > start)
            {
                contactOn.Add((i, (end - start).TotalHours));
            }

            if (interval.Contains(day.WakeUp))
            {
                moments.Add((i, false));
            }

            if (interval.Contains(day.Bedtime))
            {
                moments.Add((i, true));
            }
        }

        return new Given(contactOn, moments);
    }

    /// <summary>What a shift gives the child: contact hours on each present day, and key moments on duty.</summary>
    private record Given(List<(int Day, double Hours)> ContactOn, List<(int Day, bool Bedtime)> Moments)
    {
        public double Contact { get; } = ContactOn.Sum(c => c.Hours);

        public HashSet<int> Days { get; } = [.. ContactOn.Select(c => c.Day)];

        /// <summary>Any contact or key moment at all.</summary>
        public bool Any => ContactOn.Count > 0 || Moments.Count > 0;
    }

    /// <summary>One demand on one date: whether it applies in the horizon (and asks its count), its length and working hours, and what it gives the child.</summary>
    private sealed record Post(Demand Demand, LocalDate Date, bool Applies, int Count, double Hours, double WorkingHours, List<(int Day, double Hours)> ContactOn, List<(int Day, bool Bedtime)> Moments)
        : Given(ContactOn, Moments);

    /// <summary>A core team the scorer may pick: fixed members (designated), or the K with the most.</summary>
    private sealed record CoreTeam(HashSet<string>? Members, int Size)
    {
        public double Most(Dictionary<string, double> most) =>
            Members is null ? Top(most.Values, Size) : Members.Sum(id => most.GetValueOrDefault(id));
    }
}
