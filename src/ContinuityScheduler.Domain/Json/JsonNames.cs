using System.Text;

namespace ContinuityScheduler.Domain.Json;

/// <summary>Enum values as they appear in documents: kebab-case, so <c>WakingNight</c> is <c>waking-night</c>.</summary>
public static class JsonNames
{
    public static string Of<T>(T value) where T : struct, Enum => Kebab(value.ToString());

    public static bool TryParse<T>(string text, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Of(candidate) == text)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static string Choices<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(Of));

    private static string Kebab(string pascal)
    {
        var text = new StringBuilder();
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
