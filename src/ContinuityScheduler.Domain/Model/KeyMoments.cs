using NodaTime;

namespace ContinuityScheduler.Domain.Model;

/// <summary>The local times at which children wake up and go to bed: the moments a familiar adult matters most.</summary>
public sealed record KeyMoments
{
    public KeyMoments(LocalTime wakeUp, LocalTime bedtime)
    {
        if (bedtime <= wakeUp)
        {
            throw new ArgumentException("Bedtime must come after wake-up on the same day.", nameof(bedtime));
        }

        WakeUp = wakeUp;
        Bedtime = bedtime;
    }

    public static KeyMoments Default { get; } = new(new LocalTime(7, 0), new LocalTime(19, 30));

    public LocalTime WakeUp { get; }

    public LocalTime Bedtime { get; }

    /// <summary>From wake-up to bedtime on a date, in real time: on a daylight-saving day an hour shorter or longer.</summary>
    public Interval WakingDayOn(LocalDate date, DateTimeZone zone) =>
        new((date + WakeUp).InZoneLeniently(zone).ToInstant(), (date + Bedtime).InZoneLeniently(zone).ToInstant());
}
