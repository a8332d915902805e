using NodaTime;

namespace ContinuityScheduler.Domain.Model;

/// <summary>A shift worked before the horizon, from the previous published rota.</summary>
public sealed record HistoryShift
{
    public HistoryShift(string caregiverId, LocalDate date, string shiftType, IEnumerable<string> groupIds)
    {
        CaregiverId = Guard.NotBlank(caregiverId, nameof(caregiverId));
        Date = date;
        ShiftType = Guard.NotBlank(shiftType, nameof(shiftType));
        // A set of groups, as a demand's: one named twice would count its contact twice.
        GroupIds = [.. Guard.List(groupIds, nameof(groupIds)).Distinct(StringComparer.Ordinal)];
    }

    public string CaregiverId { get; }

    public LocalDate Date { get; }

    public string ShiftType { get; }

    public IReadOnlyList<string> GroupIds { get; }
}
