namespace ContinuityScheduler.Domain.Model;

public enum ShiftKind
{
    Day,
    WakingNight,
    SleepIn,
    LiveIn,
}
