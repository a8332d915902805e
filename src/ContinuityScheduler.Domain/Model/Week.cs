using NodaTime;

namespace ContinuityScheduler.Domain.Model;

/// <summary>ISO weeks, Monday to Sunday: the week of every weekly rule and of the score's per-week counts.</summary>
public static class Week
{
    public static LocalDate StartOf(LocalDate date) => date.PlusDays(1 - (int)date.DayOfWeek);
}
