using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using NodaTime;

namespace ContinuityScheduler.Solver.Advice;

// What each caregiver can give a child at most, for the ceilings.
public static partial class ScoreCeiling
{
    /// <summary>Every caregiver (copies offered included) with the hard rules that limit what they can work.</summary>
    private sealed class Staff
    {
        private readonly PlanningProblem problem;
        private readonly WhoMayWork who;
        private readonly double? overlap;
        private readonly int perDay;
        private readonly int perWeek;
        private readonly Dictionary<string, double> capacity;
        private readonly Dictionary<string, HashSet<LocalDate>> away;
        private readonly Dictionary<(string, string), bool> mayWork = [];

        private Staff(PlanningProblem problem)
        {
            this.problem = problem;
            var rules = problem.Institution.LabourRules;
            who = new WhoMayWork(problem);
            overlap = rules["no-overlap"] is { IsHard: true } noOverlap ? noOverlap.Limit : null;
            CoverageIsHard = rules["coverage"].IsHard;
            perDay = rules["one-shift-per-day"] is { IsHard: true } daily ? Math.Max(1, (int)Math.Floor(daily.Limit)) : int.MaxValue;
            perWeek = rules["max-consecutive-days"] is { IsHard: true } run ? MaxConsecutiveDaysRule.MostDatesInAWeek(run) : 7;
            capacity = problem.Caregivers.ToDictionary(c => c.Id, c => HiresLowerBound.Capacity(problem, c), StringComparer.Ordinal);
            away = problem.Caregivers.ToDictionary(c => c.Id, c => problem.Horizon.Dates.Where(d => !who.Free(c, d)).ToHashSet(), StringComparer.Ordinal);
        }

        /// <summary>Posts are asked of the rota: without a hard coverage rule, nothing is asked.</summary>
        public bool CoverageIsHard { get; }

        public static Staff Of(PlanningProblem problem) => new(problem);

        private bool MayWork(Caregiver caregiver, Post post)
        {
            var key = (caregiver.Id, post.Demand.Id);
            if (!mayWork.TryGetValue(key, out var may))
            {
                mayWork[key] = may = who.MayWork(caregiver, post.Demand);
            }

            return may && !away[caregiver.Id].Contains(post.Date);
        }

        /// <summary>
        /// Each caregiver's most of a value over the horizon: the best shifts a day, the best days a calendar week, and no
        /// more per working hour than their best shift gives times the hours they may work; plus what the history gives.
        /// </summary>
        public Dictionary<string, double> Most(List<Post> posts, Func<Post, double> value, List<(string CaregiverId, Given Given)> history, Func<Given, double> given)
        {
            var most = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var caregiver in problem.Caregivers)
            {
                var mine = posts.Where(p => value(p) > 0 && MayWork(caregiver, p)).ToList();
                var byDays = mine.GroupBy(p => Week.StartOf(p.Date))
                    .Sum(week => week.GroupBy(p => p.Date).Select(day => OnOneDate(day, value)).OrderDescending().Take(perWeek).Sum());
                most[caregiver.Id] = Math.Min(byDays, ByHours(mine, value, caregiver));
            }

            foreach (var (caregiverId, shift) in history)
            {
                most[caregiverId] = most.GetValueOrDefault(caregiverId) + given(shift);
            }

            return most;
        }

        /// <summary>
        /// The most of a value one date's shifts give: the best as many as one-shift-per-day allows, each once — or again
        /// and again when no-overlap would not stop the same shift twice (the validator does not refuse it by itself).
        /// </summary>
        private double OnOneDate(IEnumerable<Post> day, Func<Post, double> value)
        {
            var most = 0.0;
            var left = perDay;
            foreach (var post in day.OrderByDescending(value))
            {
                var twice = overlap is not { } limit || post.Hours <= limit;
                if (twice && left == int.MaxValue)
                {
                    return double.PositiveInfinity;
                }

                var taken = twice ? left : 1;
                most += taken * value(post);
                left -= taken;
                if (left == 0)
                {
                    break;
                }
            }

            return most;
        }

        /// <summary>The most of a value the hours a caregiver may work can give: their shifts' best per working hour times those hours; none without a shift, no ceiling when a shift has no working time.</summary>
        private double ByHours(List<Post> mine, Func<Post, double> value, Caregiver caregiver) =>
            mine.Count == 0 ? 0 : mine.Any(p => p.WorkingHours <= 0) ? double.PositiveInfinity : mine.Max(p => value(p) / p.WorkingHours) * capacity[caregiver.Id];

        /// <summary>
        /// Each caregiver's most contact hours in one week (the dates whose days fall in it): the best shifts a day and days
        /// in the week's seven dates and every date before it (a night reaching into Monday), and per working hour as over the horizon.
        /// </summary>
        public IEnumerable<double> InWeek(List<Post> posts, Func<Post, double> inWeek, LocalDate monday)
        {
            foreach (var caregiver in problem.Caregivers)
            {
                var mine = posts.Where(p => inWeek(p) > 0 && MayWork(caregiver, p)).ToList();
                var byDate = mine.GroupBy(p => p.Date).Select(day => (day.Key, Most: OnOneDate(day, inWeek))).ToList();
                var byDays = byDate.Where(d => d.Key >= monday).Select(d => d.Most).OrderDescending().Take(perWeek).Sum() + byDate.Where(d => d.Key < monday).Sum(d => d.Most);
                yield return Math.Min(byDays, ByHours(mine, inWeek, caregiver));
            }
        }

        /// <summary>The days (or key moments) on which one of these caregivers (anyone, when null) can give the child something.</summary>
        public HashSet<T> Possible<T>(List<Post> posts, List<(string CaregiverId, Given Given)> history, IReadOnlySet<string>? who, Func<Given, IEnumerable<T>> what)
        {
            var caregivers = problem.Caregivers.Where(c => who is null || who.Contains(c.Id)).ToList();
            var possible = posts.Where(p => caregivers.Any(c => MayWork(c, p))).SelectMany(what).ToHashSet();
            possible.UnionWith(history.Where(h => who is null || who.Contains(h.CaregiverId)).SelectMany(h => what(h.Given)));
            return possible;
        }
    }
}
