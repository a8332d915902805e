namespace ContinuityScheduler.Api.Http;

/// <summary>One bad field: its JSON path in the request body (or in the named resource) and why it is wrong.</summary>
/// <param name="Resource">Set when the field belongs to another stored resource than the one in the request, e.g. <c>demands/robin-E</c>.</param>
public sealed record FieldError(string Path, string Reason, string? Resource = null);
