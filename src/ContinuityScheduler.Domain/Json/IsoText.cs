using NodaTime;
using NodaTime.Text;

namespace ContinuityScheduler.Domain.Json;

/// <summary>ISO-8601 text for dates and times, as every document and output of this product writes them.</summary>
public static class IsoText
{
    private static readonly LocalTimePattern Minutes = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <summary>Reads 07:00 as well as 07:00:00 and 07:00:00.5; writes 07:00 when there are no seconds (a composite formats with its last pattern that fits).</summary>
    public static IPattern<LocalTime> Time { get; } = new CompositePatternBuilder<LocalTime>
    {
        { LocalTimePattern.ExtendedIso, _ => true },
        { Minutes, time => time.Second == 0 && time.NanosecondOfSecond == 0 },
    }.Build();

    public static string Of(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>07:00 rather than 07:00:00 when there are no seconds.</summary>
    public static string Of(LocalTime time) => Time.Format(time);

    public static string Of(Instant instant) => InstantPattern.ExtendedIso.Format(instant);
}
