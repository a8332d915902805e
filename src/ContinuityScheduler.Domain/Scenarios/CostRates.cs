namespace ContinuityScheduler.Domain.Scenarios;

/// <summary>Pay per paid hour by shift kind; a sleep-in's paid time is already its paid-time factor of its length.</summary>
public sealed record CostRates(double Day = 30, double WakingNight = 37.5, double SleepIn = 30, double LiveIn = 30)
{
    public double For(Model.ShiftKind kind) => kind switch
    {
        Model.ShiftKind.WakingNight => WakingNight,
        Model.ShiftKind.SleepIn => SleepIn,
        Model.ShiftKind.LiveIn => LiveIn,
        _ => Day,
    };
}
