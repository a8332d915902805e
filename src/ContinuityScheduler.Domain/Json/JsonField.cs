using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace ContinuityScheduler.Domain.Json;

/// <summary>
/// A value in a document with its JSON path. Every read that fails records an error with that path and
/// returns null, so one pass reports every problem in the document at once.
/// </summary>
internal readonly record struct JsonField(JsonElement Element, string Path, List<LoadError> Errors)
{
    public static string PathOf(string parent, string name) => $"{parent}.{name}";

    /// <summary>Parses a document and reads it from its root: the value when the read found no error, else every error.</summary>
    public static LoadResult<T> ReadDocument<T>(string json, Func<JsonField, T?> read) where T : class
    {
        var errors = new List<LoadError>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            return LoadResult<T>.Failure([new LoadError("$", $"Not valid JSON: {e.Message}")]);
        }

        using (document)
        {
            var flaws = JsonShape.Flaws(document.RootElement);
            if (flaws.Count > 0)
            {
                return LoadResult<T>.Failure(ErrorText.Capped([.. flaws]));
            }

            var value = read(new JsonField(document.RootElement, "$", errors));
            return errors.Count == 0 && value is not null ? LoadResult<T>.Success(value) : LoadResult<T>.Failure(ErrorText.Capped(errors));
        }
    }

    public void Error(string message) => Errors.Add(new LoadError(Path, message));

    /// <summary>Checks the node is an object with no properties besides the known ones.</summary>
    public bool IsObject(params string[] known)
    {
        if (Element.ValueKind != JsonValueKind.Object)
        {
            Error($"Expected an object, found {Describe(Element)}.");
            return false;
        }

        foreach (var property in Element.EnumerateObject())
        {
            if (!known.Contains(SafeName(property), StringComparer.Ordinal))
            {
                Errors.Add(new LoadError(PathOf(Path, SafeName(property)), $"Unknown property; expected one of {string.Join(", ", known)}."));
            }
        }

        return true;
    }

    /// <summary>The named property, or null (an error when required) if it is missing or JSON null.</summary>
    public JsonField? Property(string name, bool required = true)
    {
        if (Element.ValueKind == JsonValueKind.Object && Element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return new JsonField(value, PathOf(Path, name), Errors);
        }

        if (required)
        {
            Errors.Add(new LoadError(PathOf(Path, name), "Required."));
        }

        return null;
    }

    public IEnumerable<JsonField> Items(string name, bool required = false)
    {
        var array = Property(name, required);
        if (array is null)
        {
            return [];
        }

        if (array.Value.Element.ValueKind != JsonValueKind.Array)
        {
            array.Value.Error($"Expected an array, found {Describe(array.Value.Element)}.");
            return [];
        }

        var node = array.Value;
        return node.Element.EnumerateArray().Select((item, i) => new JsonField(item, $"{node.Path}[{i}]", node.Errors)).ToList();
    }

    public string? String(string name, bool required = true) => Property(name, required)?.AsString();

    /// <summary>An id, as every resource's id is written (<see cref="Ids"/>).</summary>
    public string? Id(string name, bool required = true) => Property(name, required)?.AsId();

    public string? AsId()
    {
        var text = AsString();
        if (text is not null && !Ids.IsValid(text))
        {
            Error($"'{ErrorText.Printable(text)}' is not an id: {Ids.Rule}.");
            return null;
        }

        return text;
    }

    public string? AsString()
    {
        if (Element.ValueKind != JsonValueKind.String)
        {
            Error($"Expected a string, found {Describe(Element)}.");
            return null;
        }

        var text = TryGetString(Element);
        if (text is null)
        {
            Error("Not a well-formed string (it holds a lone UTF-16 surrogate).");
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            Error("Must not be blank.");
            return null;
        }

        if (text.Any(char.IsControl))
        {
            // Line breaks and other control characters break the exports (CSV rows, iCalendar lines) and the logs.
            Error($"Must not contain control characters such as line breaks, found '{ErrorText.Printable(text)}'.");
            return null;
        }

        return text;
    }

    public double? Number(string name, bool required = true, double min = 0, double max = double.MaxValue)
    {
        var node = Property(name, required);
        if (node is null)
        {
            return null;
        }

        if (node.Value.Element.ValueKind != JsonValueKind.Number || !node.Value.Element.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            node.Value.Error($"Expected a number, found {Describe(node.Value.Element)}.");
            return null;
        }

        if (value < min || value > max)
        {
            node.Value.Error(max == double.MaxValue ? $"Must be at least {min.ToString(CultureInfo.InvariantCulture)}, found {value.ToString(CultureInfo.InvariantCulture)}." : $"Must lie between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}, found {value.ToString(CultureInfo.InvariantCulture)}.");
            return null;
        }

        return value;
    }

    public int? Integer(string name, bool required = true, int min = 0, int max = int.MaxValue)
    {
        var node = Property(name, required);
        if (node is null)
        {
            return null;
        }

        if (node.Value.Element.ValueKind != JsonValueKind.Number || !node.Value.Element.TryGetInt32(out var value))
        {
            node.Value.Error($"Expected a whole number, found {Describe(node.Value.Element)}.");
            return null;
        }

        if (value < min || value > max)
        {
            node.Value.Error(max == int.MaxValue ? $"Must be at least {min}, found {value}." : $"Must lie between {min} and {max}, found {value}.");
            return null;
        }

        return value;
    }

    public bool? Boolean(string name, bool required = true)
    {
        var node = Property(name, required);
        if (node is null)
        {
            return null;
        }

        if (node.Value.Element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            node.Value.Error($"Expected true or false, found {Describe(node.Value.Element)}.");
            return null;
        }

        return node.Value.Element.GetBoolean();
    }

    public LocalDate? Date(string name, bool required = true) => Property(name, required)?.AsDate();

    public LocalDate? AsDate() => Parse(LocalDatePattern.Iso, "an ISO-8601 date such as 2026-11-30");

    public LocalTime? Time(string name, bool required = true) =>
        Property(name, required)?.Parse(IsoText.Time, "a local time such as 07:00");

    public T? Enum<T>(string name, bool required = true) where T : struct, System.Enum => Property(name, required)?.AsEnum<T>();

    public T? AsEnum<T>() where T : struct, System.Enum
    {
        var text = AsString();
        if (text is null)
        {
            return null;
        }

        if (JsonNames.TryParse<T>(text, out var value))
        {
            return value;
        }

        Error($"Unknown value '{text}'; expected one of {JsonNames.Choices<T>()}.");
        return null;
    }

    public List<string> Strings(string name, bool required = false) =>
        [.. Items(name, required).Select(item => item.AsString()).OfType<string>()];

    private T? Parse<T>(IPattern<T> pattern, string expected) where T : struct
    {
        var text = AsString();
        if (text is null)
        {
            return null;
        }

        var result = pattern.Parse(text);
        if (result.Success)
        {
            return result.Value;
        }

        Error($"Expected {expected}, found '{text}'.");
        return null;
    }

    /// <summary>A string's value, or null when it cannot be decoded (a lone surrogate escape such as \ud800).</summary>
    public static string? TryGetString(JsonElement element)
    {
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string SafeName(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return "\uFFFD";
        }
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string '{TryGetString(element)}'",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => "null",
    };
}
