using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace ContinuityScheduler.Domain.Json;

/// <summary>The serializer settings of every JSON this product writes: camelCase names, kebab-case enums, ISO-8601 times.</summary>
public static class JsonDefaults
{
    public static JsonSerializerOptions Options { get; } = Create(indented: true);

    public static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.Converters.Add(NodaConverters.LocalDateConverter);
        // The package's LocalTimeConverter writes 07:00:00; documents have always said 07:00, so local times keep IsoText's pattern.
        options.Converters.Add(new NodaPatternConverter<LocalTime>(IsoText.Time));
        options.Converters.Add(NodaConverters.InstantConverter);
        return options;
    }
}
