using System.Text.Json;
using System.Text.Json.Serialization;

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
        foreach (var converter in NodaTimeConverters.All)
        {
            options.Converters.Add(converter);
        }

        return options;
    }
}
