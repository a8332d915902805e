using System.Text.Json;

namespace ContinuityScheduler.Domain.Json;

/// <summary>
/// What a parser lets through but a reader must refuse: a member named twice in one object (which value counts is
/// anyone's guess), and strings or names that do not decode (a lone UTF-16 surrogate escape such as \ud800).
/// </summary>
public static class JsonShape
{
    /// <summary>Every such flaw in a document, with its JSON path.</summary>
    public static IReadOnlyList<LoadError> Flaws(JsonElement root)
    {
        var flaws = new List<LoadError>();
        Walk(root, "$", flaws);
        return flaws;
    }

    private static void Walk(JsonElement element, string path, List<LoadError> flaws)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        flaws.Add(new LoadError(path, "A member name is not well-formed (it holds a lone UTF-16 surrogate)."));
                        continue;
                    }

                    var child = JsonField.PathOf(path, name);
                    if (!seen.Add(name))
                    {
                        flaws.Add(new LoadError(child, "Given twice in one object; give each member once."));
                        continue;
                    }

                    Walk(property.Value, child, flaws);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path}[{index++}]", flaws);
                }

                break;
            case JsonValueKind.String when JsonField.TryGetString(element) is null:
                flaws.Add(new LoadError(path, "Not a well-formed string (it holds a lone UTF-16 surrogate)."));
                break;
        }
    }
}
