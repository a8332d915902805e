using ContinuityScheduler.Domain.Rules;
using NodaTime;

namespace ContinuityScheduler.Domain.Model;

/// <summary>One children's home: the unit of tenancy, with its zone, key moments, labour rules and score weights.</summary>
public sealed record Institution
{
    public Institution(string id, string name, DateTimeZone timeZone, KeyMoments keyMoments, LabourRules labourRules, ScoreWeights scoreWeights)
    {
        Id = Guard.NotBlank(id, nameof(id));
        Name = Guard.NotBlank(name, nameof(name));
        TimeZone = Guard.NotNull(timeZone, nameof(timeZone));
        KeyMoments = Guard.NotNull(keyMoments, nameof(keyMoments));
        LabourRules = Guard.NotNull(labourRules, nameof(labourRules));
        ScoreWeights = Guard.NotNull(scoreWeights, nameof(scoreWeights));
    }

    public string Id { get; }

    public string Name { get; }

    public DateTimeZone TimeZone { get; }

    public KeyMoments KeyMoments { get; }

    public LabourRules LabourRules { get; }

    public ScoreWeights ScoreWeights { get; }
}
