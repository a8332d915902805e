namespace ContinuityScheduler.Domain.Json;

/// <summary>Error reports a hostile document cannot make huge or use to carry control characters into answers and logs.</summary>
public static class ErrorText
{
    /// <summary>At most this many errors are reported, and a count of the rest.</summary>
    public const int MaxErrors = 100;

    public static IReadOnlyList<LoadError> Capped(IReadOnlyList<LoadError> errors) =>
        errors.Count <= MaxErrors ? errors : [.. errors.Take(MaxErrors), new LoadError("$", $"And {errors.Count - MaxErrors} more errors like these.")];

    /// <summary>The first 80 characters of a text, control characters shown as \uXXXX.</summary>
    public static string Printable(string text) =>
        string.Concat(text.Take(80).Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}
