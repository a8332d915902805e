using NodaTime;

namespace ContinuityScheduler.Domain.Model;

/// <summary>A child's stay in one group, from a date to an optional last date (inclusive).</summary>
public sealed record GroupMembership
{
    public GroupMembership(string groupId, LocalDate from, LocalDate? to = null)
    {
        GroupId = Guard.NotBlank(groupId, nameof(groupId));
        if (to < from)
        {
            throw new ArgumentException("A membership cannot end before it starts.", nameof(to));
        }

        From = from;
        To = to;
    }

    public string GroupId { get; }

    public LocalDate From { get; }

    public LocalDate? To { get; }

    public bool Contains(LocalDate date) => date >= From && (To is null || date <= To);
}
