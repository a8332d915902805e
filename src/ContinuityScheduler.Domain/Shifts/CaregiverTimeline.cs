using ContinuityScheduler.Domain.Model;
using NodaTime;

namespace ContinuityScheduler.Domain.Shifts;

/// <summary>One caregiver's shifts, history and rota together, in order of start.</summary>
public sealed class CaregiverTimeline
{
    public CaregiverTimeline(Caregiver caregiver, IEnumerable<WorkedShift> shifts)
    {
        Caregiver = caregiver;
        Shifts = [.. shifts.OrderBy(s => s.Interval.Start).ThenBy(s => s.Date)];
    }

    public Caregiver Caregiver { get; }

    public IReadOnlyList<WorkedShift> Shifts { get; }

    /// <summary>The shifts of the rota itself, without history.</summary>
    public IEnumerable<WorkedShift> RotaShifts => Shifts.Where(s => !s.IsHistory);

    public CaregiverTimeline With(WorkedShift shift) => new(Caregiver, Shifts.Append(shift));

    public IEnumerable<WorkedShift> StartingBetween(LocalDate first, LocalDate last) =>
        Shifts.Where(s => s.Date >= first && s.Date <= last);

    /// <summary>The first shift that starts at or after an instant (shifts are in order of start), or null.</summary>
    public WorkedShift? FirstStartingFrom(Instant instant)
    {
        var (low, high) = (0, Shifts.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (Shifts[middle].Interval.Start < instant)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low < Shifts.Count ? Shifts[low] : null;
    }

    /// <summary>Whether any shift is under way at some instant in the interval.</summary>
    public bool WorksDuring(Interval interval) =>
        Shifts.Any(s => s.Interval.Start < interval.End && interval.Start < s.Interval.End);
}
