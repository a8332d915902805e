using NodaTime;

namespace ContinuityScheduler.Domain.Model;

/// <summary>A child, by pseudonymous id: when and where they live, who their key persons are, when they are away.</summary>
public sealed record Child
{
    public Child(string id, LocalDate birthDate, IEnumerable<GroupMembership> memberships, IEnumerable<string>? keyPersons = null, IEnumerable<DateInterval>? daysAway = null)
    {
        Id = Guard.NotBlank(id, nameof(id));
        BirthDate = birthDate;
        Memberships = Guard.List(memberships, nameof(memberships));
        KeyPersons = Guard.List(keyPersons ?? [], nameof(keyPersons));
        DaysAway = Guard.List(daysAway ?? [], nameof(daysAway));
        if (KeyPersons.Count > 2)
        {
            throw new ArgumentException("A child has at most two key persons.", nameof(keyPersons));
        }
    }

    public string Id { get; }

    public LocalDate BirthDate { get; }

    public IReadOnlyList<GroupMembership> Memberships { get; }

    /// <summary>The one or two caregivers named as the child's key persons; empty to let the score choose.</summary>
    public IReadOnlyList<string> KeyPersons { get; }

    /// <summary>Days the child spends away (hospital, home visit): not counted in the score.</summary>
    public IReadOnlyList<DateInterval> DaysAway { get; }

    /// <summary>The group the child lives in on a date and is there, or null.</summary>
    public string? GroupOn(LocalDate date)
    {
        if (DaysAway.Any(away => away.Contains(date)))
        {
            return null;
        }

        return Memberships.FirstOrDefault(m => m.Contains(date))?.GroupId;
    }

    /// <summary>Whether the child is younger than three years on a date.</summary>
    public bool IsUnderThreeOn(LocalDate date) => BirthDate.PlusYears(3) > date;
}
