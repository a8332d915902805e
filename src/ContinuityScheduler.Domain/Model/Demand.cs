using NodaTime;

namespace ContinuityScheduler.Domain.Model;

/// <summary>
/// A post: how many caregivers, with which skills, one shift type needs in one or more groups
/// (a night post may cover two groups) on some weekdays or dates.
/// </summary>
public sealed record Demand
{
    public Demand(string id, IEnumerable<string> groupIds, string shiftType, int count = 1, IEnumerable<string>? skills = null, IEnumerable<IsoDayOfWeek>? weekdays = null, IEnumerable<LocalDate>? dates = null)
    {
        Id = Guard.NotBlank(id, nameof(id));
        // A set of groups: one named twice is still one, so no shift counts twice for it (contact, relief share).
        GroupIds = [.. Guard.List(groupIds, nameof(groupIds)).Distinct(StringComparer.Ordinal)];
        if (GroupIds.Count == 0)
        {
            throw new ArgumentException("A demand covers at least one group.", nameof(groupIds));
        }

        ShiftType = Guard.NotBlank(shiftType, nameof(shiftType));
        Count = Guard.Positive(count, nameof(count));
        Skills = Guard.List(skills ?? [], nameof(skills));
        Weekdays = new HashSet<IsoDayOfWeek>(weekdays ?? []);
        Dates = new HashSet<LocalDate>(dates ?? []);
    }

    public string Id { get; }

    public IReadOnlyList<string> GroupIds { get; }

    public string ShiftType { get; }

    public int Count { get; }

    public IReadOnlyList<string> Skills { get; }

    public IReadOnlySet<IsoDayOfWeek> Weekdays { get; }

    public IReadOnlySet<LocalDate> Dates { get; }

    /// <summary>Whether the post must be filled on a date: on its dates and weekdays, or every day when it names neither.</summary>
    public bool AppliesOn(LocalDate date) =>
        (Weekdays.Count == 0 && Dates.Count == 0) || Weekdays.Contains(date.DayOfWeek) || Dates.Contains(date);

    public bool Covers(string groupId) => GroupIds.Contains(groupId);
}
