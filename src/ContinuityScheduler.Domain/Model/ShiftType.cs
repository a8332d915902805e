using NodaTime;

namespace ContinuityScheduler.Domain.Model;

/// <summary>
/// A kind of shift: local start and end (the end may fall one or more days later), and how its hours
/// count as working time (rest and weekly limits) and as paid time (cost).
/// </summary>
public sealed record ShiftType
{
    public ShiftType(string code, string name, LocalTime start, LocalTime end, ShiftKind kind, double workingTimeFactor = 1, double paidTimeFactor = 1, int? endDayOffset = null)
    {
        Code = Guard.NotBlank(code, nameof(code));
        Name = Guard.NotBlank(name, nameof(name));
        Start = start;
        End = end;
        Kind = kind;
        WorkingTimeFactor = Factor(workingTimeFactor, nameof(workingTimeFactor));
        PaidTimeFactor = Factor(paidTimeFactor, nameof(paidTimeFactor));
        EndDayOffset = endDayOffset ?? (end > start ? 0 : 1);
        if (EndDayOffset < 0 || EndDayOffset > 7 || (EndDayOffset == 0 && end <= start))
        {
            throw new ArgumentException("A shift must end after it starts, at most seven days later.", nameof(endDayOffset));
        }
    }

    public string Code { get; }

    public string Name { get; }

    public LocalTime Start { get; }

    public LocalTime End { get; }

    /// <summary>How many days after its start date the shift ends: 0 for a day shift, 1 for a night, more for live-in.</summary>
    public int EndDayOffset { get; }

    public ShiftKind Kind { get; }

    /// <summary>Share of the shift's real duration that counts as working time.</summary>
    public double WorkingTimeFactor { get; }

    /// <summary>Share of the shift's real duration that is paid.</summary>
    public double PaidTimeFactor { get; }

    /// <summary>Night work for the night limits: waking nights and sleep-ins.</summary>
    public bool IsNight => Kind is ShiftKind.WakingNight or ShiftKind.SleepIn;

    /// <summary>The shift's real interval when it starts on a date: a night over a daylight-saving change is an hour shorter or longer.</summary>
    public Interval IntervalOn(LocalDate date, DateTimeZone zone)
    {
        var start = (date + Start).InZoneLeniently(zone).ToInstant();
        var end = (date.PlusDays(EndDayOffset) + End).InZoneLeniently(zone).ToInstant();
        return new Interval(start, end);
    }

    private static double Factor(double value, string name) =>
        value is >= 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(name, value, "A time factor lies between 0 and 1.");
}
