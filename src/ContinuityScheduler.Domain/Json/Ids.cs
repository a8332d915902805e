using System.Text.RegularExpressions;

namespace ContinuityScheduler.Domain.Json;

/// <summary>The one grammar of ids, for every resource, in documents and in routes: 1–64 letters, digits and . _ @ -, starting with a letter or digit.</summary>
public static partial class Ids
{
    public const string Pattern = "^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$";

    public const string Rule = "1–64 letters, digits and . _ @ -, starting with a letter or digit";

    public static bool IsValid(string? id) => id is not null && Grammar().IsMatch(id);

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex Grammar();
}
