using NodaTime;

namespace ContinuityScheduler.Domain.Rules;

/// <summary>Runs of consecutive dates, for the rules that count days in a row.</summary>
internal static class DateRuns
{
    public static IEnumerable<DateInterval> Of(IEnumerable<LocalDate> dates)
    {
        LocalDate? first = null;
        LocalDate last = default;
        foreach (var date in dates.Distinct().Order())
        {
            if (first is not null && date == last.PlusDays(1))
            {
                last = date;
                continue;
            }

            if (first is not null)
            {
                yield return new DateInterval(first.Value, last);
            }

            first = date;
            last = date;
        }

        if (first is not null)
        {
            yield return new DateInterval(first.Value, last);
        }
    }
}
