using NodaTime;

namespace ContinuityScheduler.Domain.Model;

/// <summary>A member of staff: contract, skills, the groups they may work in, absences and wishes.</summary>
public sealed record Caregiver
{
    public Caregiver(
        string id,
        string name,
        Contract contract,
        IEnumerable<string>? skills = null,
        IEnumerable<string>? allowedGroups = null,
        IEnumerable<Absence>? absences = null,
        IEnumerable<Wish>? wishes = null,
        string? externalId = null)
    {
        Id = Guard.NotBlank(id, nameof(id));
        Name = Guard.NotBlank(name, nameof(name));
        Contract = Guard.NotNull(contract, nameof(contract));
        Skills = new HashSet<string>(skills ?? [], StringComparer.Ordinal);
        AllowedGroups = new HashSet<string>(allowedGroups ?? [], StringComparer.Ordinal);
        Absences = Guard.List(absences ?? [], nameof(absences));
        Wishes = Guard.List(wishes ?? [], nameof(wishes));
        ExternalId = externalId;
    }

    public string Id { get; }

    /// <summary>The HR system's own id for this person.</summary>
    public string? ExternalId { get; }

    public string Name { get; }

    public Contract Contract { get; }

    public IReadOnlySet<string> Skills { get; }

    /// <summary>The groups this caregiver may work in; empty means any group.</summary>
    public IReadOnlySet<string> AllowedGroups { get; }

    public IReadOnlyList<Absence> Absences { get; }

    public IReadOnlyList<Wish> Wishes { get; }

    public bool MayWorkIn(string groupId) => AllowedGroups.Count == 0 || AllowedGroups.Contains(groupId);

    public bool HasSkills(IEnumerable<string> required) => required.All(Skills.Contains);

    public Absence? AbsenceOn(LocalDate date) => Absences.FirstOrDefault(a => a.Dates.Contains(date));
}
