using System.Text.Json;
using ContinuityScheduler.Domain.Json;
using NodaTime;

namespace ContinuityScheduler.Domain.Tests.Json;

/// <summary>The NodaTime values in every JSON the product writes keep the text the documents and the API have always had.</summary>
public sealed class JsonDefaultsTests
{
    private sealed record Times(LocalDate Date, LocalTime Start, LocalTime End, Instant At, LocalDate? Until);

    [Fact]
    public void Dates_times_and_instants_are_written_as_iso_text_with_times_in_minutes_when_they_have_no_seconds()
    {
        var value = new Times(new LocalDate(2026, 12, 7), new LocalTime(7, 0), new LocalTime(21, 30, 15, 500), Instant.FromUtc(2026, 3, 29, 1, 0, 0), null);

        var json = JsonSerializer.Serialize(value, JsonDefaults.Create(indented: false));

        json.Should().Be("""{"date":"2026-12-07","start":"07:00","end":"21:30:15.5","at":"2026-03-29T01:00:00Z","until":null}""");
    }

    [Theory]
    [InlineData("07:00")]
    [InlineData("07:00:00")]
    public void A_time_is_read_with_or_without_seconds(string text)
    {
        var value = JsonSerializer.Deserialize<Times>($$"""{"date":"2026-12-07","start":"{{text}}","end":"08:00","at":"2026-12-07T06:00:00Z"}""", JsonDefaults.Options)!;

        value.Start.Should().Be(new LocalTime(7, 0));
        JsonSerializer.Serialize(value, JsonDefaults.Options).Should().Contain("\"start\": \"07:00\"");
    }

    [Theory]
    [InlineData("""{"date":"2026-13-01","start":"07:00","end":"08:00","at":"2026-12-07T06:00:00Z"}""")]
    [InlineData("""{"date":"2026-12-07","start":7,"end":"08:00","at":"2026-12-07T06:00:00Z"}""")]
    public void A_value_that_is_not_iso_text_is_a_json_error(string json)
    {
        var read = () => JsonSerializer.Deserialize<Times>(json, JsonDefaults.Options);

        read.Should().Throw<JsonException>();
    }
}
