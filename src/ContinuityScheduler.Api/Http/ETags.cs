namespace ContinuityScheduler.Api.Http;

/// <summary>Strong ETags from a row's version, and the If-Match check that detects concurrent updates.</summary>
public static class ETags
{
    public static string Of(int version) => $"\"{version}\"";

    /// <summary>True when the request carries no If-Match, or one that matches the current version.</summary>
    public static bool Matches(HttpRequest request, int version)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(header) || header.Trim() == "*")
        {
            return true;
        }

        return header.Split(',').Select(t => t.Trim()).Any(t => t == Of(version) || t == "W/" + Of(version));
    }

    /// <summary>True when the request says "If-None-Match: *": create only, never replace what someone else made (RFC 9110 §13.1.2).</summary>
    public static bool CreateOnly(HttpRequest request) => request.Headers.IfNoneMatch.ToString().Trim() == "*";

    public static void Set(HttpResponse response, int version) => response.Headers.ETag = Of(version);
}
