namespace ContinuityScheduler.Domain.Model;

/// <summary>A family-like group of children with its own small core team.</summary>
public sealed record Group
{
    public const int DefaultCoreTeamTarget = 4;

    public Group(string id, string name, int coreTeamTarget = DefaultCoreTeamTarget, IEnumerable<string>? coreTeam = null)
    {
        Id = Guard.NotBlank(id, nameof(id));
        Name = Guard.NotBlank(name, nameof(name));
        CoreTeamTarget = Guard.Positive(coreTeamTarget, nameof(coreTeamTarget));
        CoreTeam = Guard.List(coreTeam ?? [], nameof(coreTeam));
    }

    public string Id { get; }

    public string Name { get; }

    /// <summary>How many caregivers the group's core team should have.</summary>
    public int CoreTeamTarget { get; }

    /// <summary>The designated core team (caregiver ids); empty when the score should infer it from contact hours.</summary>
    public IReadOnlyList<string> CoreTeam { get; }
}
