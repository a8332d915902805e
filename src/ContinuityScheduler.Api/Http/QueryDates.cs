using NodaTime;
using NodaTime.Text;

namespace ContinuityScheduler.Api.Http;

/// <summary>A query's optional from–to dates: ISO dates, each one that does not read named by its parameter.</summary>
public static class QueryDates
{
    public static List<FieldError> Check(string? from, string? to) =>
        [.. new[] { ("from", from), ("to", to) }.Where(p => p.Item2 is not null && !LocalDatePattern.Iso.Parse(p.Item2).Success)
            .Select(p => new FieldError($"$.{p.Item1}", "Must be an ISO-8601 date (yyyy-MM-dd)."))];

    /// <summary>The date given, or null; call after <see cref="Check"/> found it readable.</summary>
    public static LocalDate? Read(string? text) => text is null ? null : LocalDatePattern.Iso.Parse(text).Value;
}
