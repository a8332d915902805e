using ContinuityScheduler.Domain.Model;
using NodaTime;

namespace ContinuityScheduler.Domain.Scoring;

/// <summary>
/// A group's (or a whole institution's) caregivers over time, from each of its children's <see cref="ChildHistory"/>:
/// per week, month and year the mean and the most distinct adults a child met (the under-threes' mean apart), the adults
/// the children met at all, and the departures they lived through.
/// </summary>
public sealed record GroupHistory(
    int Distinct,
    int Departures,
    IReadOnlyList<GroupHistoryPeriod> Weeks,
    IReadOnlyList<GroupHistoryPeriod> Months,
    IReadOnlyList<GroupHistoryPeriod> Years,
    IReadOnlyList<GroupHistoryChild> Children)
{
    /// <summary>The history of the children given; a child with no day among its contacts is not one of them.</summary>
    public static GroupHistory Of(IEnumerable<ChildContacts> children)
    {
        var rows = children.Where(c => c.Contacts.Count > 0)
            .OrderBy(c => c.ChildId, StringComparer.Ordinal)
            .Select(c => (Child: c, History: ChildHistory.Of(c.ChildId, c.Contacts)))
            .ToList();
        return new GroupHistory(
            rows.SelectMany(r => r.Child.Contacts.Values).SelectMany(caregivers => caregivers).Distinct(StringComparer.Ordinal).Count(),
            rows.Sum(r => r.History.Departures.Count),
            Periods(rows, h => h.Weeks),
            Periods(rows, h => h.Months),
            Periods(rows, h => h.Years),
            [.. rows.Select(r => new GroupHistoryChild(r.Child.ChildId, r.Child.UnderThree, r.History.Days, r.History.Distinct, r.History.Departures.Count))]);
    }

    /// <summary>A child's contacts on the days it lives in the group: a child who moves counts in each group for its days there.</summary>
    public static IReadOnlyDictionary<LocalDate, IReadOnlySet<string>> InGroup(IReadOnlyDictionary<LocalDate, IReadOnlySet<string>> contacts, Child child, string groupId) =>
        contacts.Where(d => child.GroupOn(d.Key) == groupId).ToDictionary(d => d.Key, d => d.Value);

    private static List<GroupHistoryPeriod> Periods(List<(ChildContacts Child, ChildHistory History)> rows, Func<ChildHistory, IReadOnlyList<HistoryPeriod>> periodsOf) =>
        [.. rows.SelectMany(r => periodsOf(r.History).Select(p => (r.Child.UnderThree, Period: p)))
            .GroupBy(x => x.Period.Start)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var underThree = g.Where(x => x.UnderThree).ToList();
                return new GroupHistoryPeriod(
                    g.Key,
                    g.Count(),
                    g.Average(x => x.Period.Distinct),
                    g.Max(x => x.Period.Distinct),
                    underThree.Count == 0 ? null : underThree.Average(x => x.Period.Distinct));
            })];
}

/// <summary>One child's contacts on each day it counts, and whether it is under three.</summary>
public sealed record ChildContacts(string ChildId, bool UnderThree, IReadOnlyDictionary<LocalDate, IReadOnlySet<string>> Contacts);

/// <summary>A week, month or year (by its first day): the children with a day in it, the mean and the most distinct adults one of them met, and the under-threes' mean (null without under-threes).</summary>
public sealed record GroupHistoryPeriod(LocalDate Start, int Children, double MeanDistinct, int MaxDistinct, double? UnderThreeMeanDistinct);

/// <summary>One child's row: its days, the distinct adults it met and the departures it lived through over the whole period.</summary>
public sealed record GroupHistoryChild(string ChildId, bool UnderThree, int Days, int Distinct, int Departures);
