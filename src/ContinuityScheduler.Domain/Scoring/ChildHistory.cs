using ContinuityScheduler.Domain.Model;
using NodaTime;

namespace ContinuityScheduler.Domain.Scoring;

/// <summary>
/// A child's caregivers over time, from the days of published rotas: distinct adults per week, per month, per year and
/// over the whole span, the adults who were there most, and each regular caregiver who left the child's life. The
/// literature measures harm this way: 9–12 adults a week and 60–100 in two years the hospital way.
/// </summary>
public sealed record ChildHistory(
    string ChildId,
    int Days,
    int Distinct,
    IReadOnlyList<HistoryPeriod> Weeks,
    IReadOnlyList<HistoryPeriod> Months,
    IReadOnlyList<HistoryPeriod> Years,
    IReadOnlyList<CaregiverPresence> MostPresent,
    IReadOnlyList<CaregiverDeparture> Departures)
{
    /// <summary>A regular caregiver of a month is with the child on at least this share of the child's days that month.</summary>
    public const double RegularShare = 0.25;

    /// <summary>The adults listed as there most.</summary>
    public const int MostPresentCount = 10;

    /// <summary>The history of the days given: for each day the child was present, the caregivers in contact with it.</summary>
    public static ChildHistory Of(string childId, IReadOnlyDictionary<LocalDate, IReadOnlySet<string>> contacts)
    {
        var days = contacts.OrderBy(d => d.Key).ToList();
        var months = Periods(days, date => new LocalDate(date.Year, date.Month, 1));
        var presence = days.SelectMany(d => d.Value).GroupBy(c => c, StringComparer.Ordinal)
            .Select(g => new CaregiverPresence(g.Key, g.Count()))
            .OrderByDescending(p => p.Days).ThenBy(p => p.CaregiverId, StringComparer.Ordinal)
            .ToList();
        return new ChildHistory(
            childId,
            days.Count,
            presence.Count,
            Periods(days, Week.StartOf),
            months,
            Periods(days, date => new LocalDate(date.Year, 1, 1)),
            [.. presence.Take(MostPresentCount)],
            DeparturesOf(days));
    }

    private static List<HistoryPeriod> Periods(List<KeyValuePair<LocalDate, IReadOnlySet<string>>> days, Func<LocalDate, LocalDate> startOf) =>
        [.. days.GroupBy(d => startOf(d.Key)).Select(g => new HistoryPeriod(g.Key, g.Count(), g.SelectMany(d => d.Value).Distinct(StringComparer.Ordinal).Count()))];

    /// <summary>Regular caregivers of a month with the child that the next month with any day does not see at all.</summary>
    private static List<CaregiverDeparture> DeparturesOf(List<KeyValuePair<LocalDate, IReadOnlySet<string>>> days)
    {
        var months = days.GroupBy(d => new LocalDate(d.Key.Year, d.Key.Month, 1)).ToList();
        var departures = new List<CaregiverDeparture>();
        for (var i = 0; i + 1 < months.Count; i++)
        {
            var next = months[i + 1].SelectMany(d => d.Value).ToHashSet(StringComparer.Ordinal);
            var regulars = months[i].SelectMany(d => d.Value).GroupBy(c => c, StringComparer.Ordinal)
                .Where(g => g.Count() >= RegularShare * months[i].Count())
                .Select(g => g.Key);
            departures.AddRange(regulars.Where(c => !next.Contains(c)).Order(StringComparer.Ordinal)
                .Select(c => new CaregiverDeparture(c, months[i + 1].Key, months[i].Where(d => d.Value.Contains(c)).Max(d => d.Key))));
        }

        return departures;
    }
}

/// <summary>A week, month or year (by its first day) with the child's days in it and the distinct adults it met.</summary>
public sealed record HistoryPeriod(LocalDate Start, int Days, int Distinct);

public sealed record CaregiverPresence(string CaregiverId, int Days);

/// <summary>A regular caregiver of the month before <paramref name="Month"/> who is not with the child in it; last with the child on <paramref name="LastSeen"/>.</summary>
public sealed record CaregiverDeparture(string CaregiverId, LocalDate Month, LocalDate LastSeen);
