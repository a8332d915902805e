namespace ContinuityScheduler.Api.MasterData;

/// <summary>Where a part of an assembled planning problem came from: a stored resource, the institution's settings or the request.</summary>
/// <param name="Prefix">The part's JSON path in the assembled document, e.g. <c>$.caregivers[3].absences[0]</c>.</param>
/// <param name="Resource">The resource's name, e.g. <c>absences/a-17</c>, <c>institution</c> or <c>request</c>.</param>
/// <param name="BodyPrefix">The same part's path in the resource's own body.</param>
public sealed record Origin(string Prefix, string Resource, string BodyPrefix = "$")
{
    public bool Holds(string path) =>
        path.StartsWith(Prefix, StringComparison.Ordinal)
        && (path.Length == Prefix.Length || path[Prefix.Length] is '.' or '[');

    public string BodyPath(string path) => BodyPrefix + path[Prefix.Length..];
}
