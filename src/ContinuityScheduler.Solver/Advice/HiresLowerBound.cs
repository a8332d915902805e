using System.Globalization;
using ContinuityScheduler.Domain.Advice;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using NodaTime;

namespace ContinuityScheduler.Solver.Advice;

/// <summary>
/// How many hires at least any rota covering every post needs, counted without the engine: for each set of posts (all,
/// those of one group, those needing one skill, both), the hours they ask against the most that the staff who may work
/// any of them can work over the horizon (contract ceiling, weekly cap), and on each day their posts against the staff
/// free that day (shifts a day). A shortfall must be made up by hires who may work those posts, the largest first.
/// </summary>
/// <param name="Least">The fewest hires; null when even every copy offered falls short, so no number of hires covers every post.</param>
/// <param name="Why">The set of posts that asks most, in words; null when no set asks for a hire.</param>
public sealed record HiresLowerBound(int? Least, string? Why)
{
    /// <summary>Hours within which two figures are the same (rounding of shift lengths).</summary>
    private const double Slack = 1e-6;

    public static HiresLowerBound Of(PlanningProblem problem, IReadOnlyList<Candidate> candidates)
    {
        var rules = problem.Institution.LabourRules;
        var copies = candidates.SelectMany(c => c.Copies()).ToList();
        var capacity = problem.Caregivers.Concat(copies).ToDictionary(c => c.Id, c => Capacity(problem, c), StringComparer.Ordinal);
        // A rule that is off or soft does not limit who may work a post, nor how many shifts a day.
        var who = new WhoMayWork(problem);
        var perDay = rules["one-shift-per-day"] is { IsHard: true } daily ? Math.Max(1, (int)daily.Limit) : (int?)null;
        var most = new HiresLowerBound(0, null);
        foreach (var (name, posts) in PostSets(problem))
        {
            bool MayWork(Caregiver c) => posts.Any(d => who.MayWork(c, d));
            var staff = problem.Caregivers.Where(MayWork).ToList();
            var hires = copies.Where(MayWork).Select(c => capacity[c.Id]).ToList();
            var asked = problem.Horizon.Dates.Sum(date => posts.Where(d => d.AppliesOn(date)).Sum(d => d.Count * WorkingHours(problem, d, date)));
            var staffHours = staff.Sum(c => capacity[c.Id]);
            var byHours = new HiresLowerBound(Needed(asked - staffHours, hires), string.Create(CultureInfo.InvariantCulture,
                $"{name} ask {asked:0.#} h; the staff who may work them can work at most {staffHours:0.#} h, the hires offered {hires.Sum():0.#} h more"));
            most = Larger(most, byHours);
            if (perDay is { } shifts)
            {
                most = problem.Horizon.Dates.Select(date => ByDay(name, posts, staff, hires.Count, shifts, who, date)).Aggregate(most, Larger);
            }
        }

        return most;
    }

    /// <summary>A day's posts against the staff free that day: each works at most <paramref name="shifts"/> of them, and so does each hire.</summary>
    private static HiresLowerBound ByDay(string name, List<Demand> posts, List<Caregiver> staff, int hires, int shifts, WhoMayWork who, LocalDate date)
    {
        var open = posts.Where(d => d.AppliesOn(date)).Sum(d => d.Count);
        var free = staff.Count(c => who.Free(c, date));
        var missing = open - (free * shifts);
        var needed = missing <= 0 ? 0 : (missing + shifts - 1) / shifts;
        return new HiresLowerBound(needed <= hires ? needed : null, string.Create(CultureInfo.InvariantCulture,
            $"{name} ask {open} shift(s) on {date:uuuu-MM-dd}; {free} of the staff who may work them are free that day, and {hires} hire(s) are offered"));
    }

    /// <summary>The one asking more hires; none (null) asks most of all.</summary>
    private static HiresLowerBound Larger(HiresLowerBound a, HiresLowerBound b) =>
        a.Least is null ? a : b.Least is null || b.Least > a.Least ? b : a;

    /// <summary>The fewest hires whose hours, largest first, make up the shortfall; null when all of them cannot.</summary>
    private static int? Needed(double shortfall, IEnumerable<double> hires)
    {
        var count = 0;
        foreach (var hours in hires.OrderDescending())
        {
            if (shortfall <= Slack)
            {
                return count;
            }

            shortfall -= hours;
            count++;
        }

        return shortfall <= Slack ? count : null;
    }

    /// <summary>The posts of the whole home, of each group, needing each skill, and each group's posts needing each skill.</summary>
    private static IEnumerable<(string Name, List<Demand> Posts)> PostSets(PlanningProblem problem)
    {
        var skills = problem.Demands.SelectMany(d => d.Skills).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        yield return ("The home's posts", [.. problem.Demands]);
        foreach (var skill in skills)
        {
            yield return ($"The posts needing {skill}", [.. problem.Demands.Where(d => d.Skills.Contains(skill))]);
        }

        foreach (var group in problem.Groups)
        {
            yield return ($"{group.Name}'s posts", [.. problem.Demands.Where(d => d.GroupIds.Contains(group.Id))]);
            foreach (var skill in skills)
            {
                yield return ($"{group.Name}'s posts needing {skill}", [.. problem.Demands.Where(d => d.GroupIds.Contains(group.Id) && d.Skills.Contains(skill))]);
            }
        }
    }

    /// <summary>The most working time a caregiver may have over the horizon under the hard ceilings; infinity without one.</summary>
    internal static double Capacity(PlanningProblem problem, Caregiver caregiver)
    {
        var rules = problem.Institution.LabourRules;
        var most = double.PositiveInfinity;
        if (rules["contract-hours"] is { IsHard: true } contract)
        {
            most = ContractHoursRule.Target(caregiver, problem.Horizon) + ContractHoursRule.HorizonTolerance(contract, problem.Horizon) + Slack;
        }

        if (rules["max-weekly-hours"] is { IsHard: true } weekly)
        {
            // A last shift running past the horizon's end counts whole here but partly in the week after.
            var longest = problem.Horizon.Dates.SelectMany(date => problem.Demands.Select(d => WorkingHours(problem, d, date))).DefaultIfEmpty(0).Max();
            most = Math.Min(most, (weekly.Limit * problem.Horizon.Weeks) + longest + Slack);
        }

        return most;
    }

    private static double WorkingHours(PlanningProblem problem, Demand demand, LocalDate date)
    {
        var type = problem.ShiftTypeOf(demand);
        return type.IntervalOn(date, problem.Institution.TimeZone).Duration.TotalHours * type.WorkingTimeFactor;
    }
}
