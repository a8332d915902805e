namespace ContinuityScheduler.Domain.Json;

/// <summary>One thing wrong with a document: where (a JSON path such as <c>$.caregivers[3].contract.hoursPerWeek</c>) and why.</summary>
public sealed record LoadError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
