using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace ContinuityScheduler.Domain.Json;

/// <summary>System.Text.Json converters for NodaTime values as ISO-8601 strings.</summary>
public static class NodaTimeConverters
{
    public static IEnumerable<JsonConverter> All { get; } =
    [
        new PatternConverter<LocalDate>(LocalDatePattern.Iso, IsoText.Of),
        new PatternConverter<LocalTime>(IsoText.Time, IsoText.Of),
        new PatternConverter<Instant>(InstantPattern.ExtendedIso, IsoText.Of),
    ];

    private sealed class PatternConverter<T>(IPattern<T> pattern, Func<T, string> format) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException($"Expected an ISO-8601 string for {typeof(T).Name}.");
            }

            var result = pattern.Parse(reader.GetString()!);
            return result.Success ? result.Value : throw new JsonException($"'{reader.GetString()}' is not a valid {typeof(T).Name}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(format(value));
    }
}
