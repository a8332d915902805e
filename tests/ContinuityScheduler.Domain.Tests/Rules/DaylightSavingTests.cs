using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Tests.Support;
using NodaTime;

namespace ContinuityScheduler.Domain.Tests.Rules;

/// <summary>
/// Rules on real time across Europe/Copenhagen's clock changes: spring 2027-03-28 (02:00 -> 03:00, the night is
/// an hour shorter) and autumn 2026-10-25 (03:00 -> 02:00, the night is an hour longer).
/// </summary>
public sealed class DaylightSavingTests
{
    private static readonly LocalDate SpringMonday = new(2027, 3, 22);
    private static readonly LocalDate SpringSaturday = new(2027, 3, 27);
    private static readonly LocalDate SpringSunday = new(2027, 3, 28);
    private static readonly LocalDate AutumnMonday = new(2026, 10, 19);
    private static readonly LocalDate AutumnSaturday = new(2026, 10, 24);
    private static readonly LocalDate AutumnSunday = new(2026, 10, 25);

    private static ProblemBuilder Home(LocalDate monday, int weeks = 1) =>
        new ProblemBuilder().Starting(monday, weeks).WithGroup("g1").WithCaregiver("anna");

    /// <summary>
    /// Two weeks from the spring Monday with a history E on the Sunday before (ends 15:00), so that the first week does
    /// not begin with the unbounded rest before the first known shift.
    /// </summary>
    private static ProblemBuilder SpringHome() => Home(SpringMonday, 2).WithHistoryShift("anna", SpringMonday.PlusDays(-1), "E", "g1");

    /// <summary>The same from the autumn Monday.</summary>
    private static ProblemBuilder AutumnHome() => Home(AutumnMonday, 2).WithHistoryShift("anna", AutumnMonday.PlusDays(-1), "E", "g1");

    /// <summary>The problem with one more shift type, M (8 h from the given time), and its demand g1-M.</summary>
    private static PlanningProblem WithMidShift(PlanningProblem problem, LocalTime start) => new(
        problem.Institution,
        problem.Horizon,
        problem.Groups,
        problem.Children,
        problem.Caregivers,
        [.. problem.ShiftTypes, new ShiftType("M", "Mid", start, start.PlusHours(8), ShiftKind.Day)],
        [.. problem.Demands, new Demand("g1-M", ["g1"], "M")],
        problem.History,
        problem.Pins);

    [Fact]
    public void Spring_rest_from_a_late_to_the_next_early_is_eight_hours()
    {
        // L Saturday ends 22:00, E Sunday 07:00; the clocks skip 02:00-03:00: 8 h, not 9.
        var rota = new RotaBuilder().Add("anna", SpringSaturday, "g1-L").Add("anna", SpringSunday, "g1-E").Build();

        Home(SpringMonday).Build().SingleViolationOf(rota, "min-rest").ShouldMatch("anna", SpringSaturday, SpringSunday, 8, 11);
    }

    [Theory]
    [InlineData(8, false)]
    [InlineData(8.5, true)]
    [InlineData(9, true)]
    public void Spring_rest_meets_a_limit_of_eight_but_not_nine(double limit, bool broken)
    {
        // The 9 h of the wall clock would meet 8.5 and 9; the 8 real hours do not.
        var problem = Home(SpringMonday).WithRule("min-rest", s => s with { Limit = limit }).Build();
        var rota = new RotaBuilder().Add("anna", SpringSaturday, "g1-L").Add("anna", SpringSunday, "g1-E").Build();

        if (broken)
        {
            problem.SingleViolationOf(rota, "min-rest").ShouldMatch("anna", SpringSaturday, SpringSunday, 8, limit);
        }
        else
        {
            problem.ShouldKeep(rota, "min-rest");
        }
    }

    [Fact]
    public void Spring_rest_from_an_early_to_the_next_early_is_fifteen_hours()
    {
        // E Saturday ends 15:00, E Sunday 07:00: 16 h on the wall clock, 15 real hours < 15.5.
        var problem = Home(SpringMonday).WithRule("min-rest", s => s with { Limit = 15.5 }).Build();
        var rota = new RotaBuilder().Add("anna", SpringSaturday, "g1-E").Add("anna", SpringSunday, "g1-E").Build();

        problem.SingleViolationOf(rota, "min-rest").ShouldMatch("anna", SpringSaturday, SpringSunday, 15, 15.5);
    }

    [Fact]
    public void Autumn_rest_from_a_late_to_the_next_early_is_ten_hours()
    {
        // L Saturday ends 22:00, E Sunday 07:00; 02:00-03:00 happens twice: 10 h.
        var rota = new RotaBuilder().Add("anna", AutumnSaturday, "g1-L").Add("anna", AutumnSunday, "g1-E").Build();

        Home(AutumnMonday).Build().SingleViolationOf(rota, "min-rest").ShouldMatch("anna", AutumnSaturday, AutumnSunday, 10, 11);
        Home(AutumnMonday).WithRule("min-rest", s => s with { Limit = 10 }).Build().ShouldKeep(rota, "min-rest");
    }

    [Fact]
    public void Spring_weekly_rest_around_the_short_sunday_is_32_hours()
    {
        // History E Sunday 2027-03-21, E Mon-Fri, L Saturday (ends 22:00), Sunday free, E Monday 2027-03-29 07:00.
        // Week 1 rests: 16 h (x5), Fri 15:00 -> Sat 14:00 = 23 h, Sat 22:00 -> Mon 07:00 = 33 h on the wall clock, 32 real.
        // Week 2 also has Monday 15:00 -> the horizon's end (2027-04-05 00:00) = 153 h and keeps.
        var rota = new RotaBuilder().AddDays("anna", SpringMonday, 5, "g1-E").Add("anna", SpringSaturday, "g1-L").Add("anna", SpringMonday.PlusWeeks(1), "g1-E").Build();

        SpringHome().Build().SingleViolationOf(rota, "weekly-rest").ShouldMatch("anna", SpringMonday, SpringSunday, 32, 35);
        SpringHome().WithRule("weekly-rest", s => s with { Limit = 33 }).Build().SingleViolationOf(rota, "weekly-rest")
            .ShouldMatch("anna", SpringMonday, SpringSunday, 32, 33);
        SpringHome().WithRule("weekly-rest", s => s with { Limit = 32 }).Build().ShouldKeep(rota, "weekly-rest");
    }

    [Fact]
    public void Autumn_weekly_rest_around_the_long_sunday_is_34_hours()
    {
        // History E Sunday 2026-10-18, E Mon-Fri, L Saturday (ends 22:00), Sunday free, E Monday 2026-10-26 07:00.
        // Week 1 rests: 16 h (x5), Fri 15:00 -> Sat 14:00 = 23 h, Sat 22:00 -> Mon 07:00 = 33 h on the wall clock, 34 real.
        var rota = new RotaBuilder().AddDays("anna", AutumnMonday, 5, "g1-E").Add("anna", AutumnSaturday, "g1-L").Add("anna", AutumnMonday.PlusWeeks(1), "g1-E").Build();

        AutumnHome().Build().SingleViolationOf(rota, "weekly-rest").ShouldMatch("anna", AutumnMonday, AutumnSunday, 34, 35);
        AutumnHome().WithRule("weekly-rest", s => s with { Limit = 34 }).Build().ShouldKeep(rota, "weekly-rest");
    }

    [Fact]
    public void Spring_weekly_rest_of_35_wall_clock_hours_is_34_real_hours()
    {
        // As above, but the next Monday starts with M at 09:00: Sat 22:00 -> Mon 09:00 = 35 h on the wall clock (which
        // would keep the rule), 34 real < 35. The week's other rests are 16 h and 23 h.
        var problem = WithMidShift(SpringHome().Build(), new LocalTime(9, 0));
        var rota = new RotaBuilder().AddDays("anna", SpringMonday, 5, "g1-E").Add("anna", SpringSaturday, "g1-L").Add("anna", SpringMonday.PlusWeeks(1), "g1-M").Build();

        problem.SingleViolationOf(rota, "weekly-rest").ShouldMatch("anna", SpringMonday, SpringSunday, 34, 35);
    }

    [Theory]
    [InlineData(35, false)]
    [InlineData(35.5, true)]
    public void Autumn_weekly_rest_of_34_wall_clock_hours_is_35_real_hours(double limit, bool broken)
    {
        // The next Monday starts with M at 08:00: Sat 22:00 -> Mon 08:00 = 34 h on the wall clock (which would break
        // the default 35), 35 real: kept exactly at 35, broken at 35.5. The week's other rests are 16 h and 23 h.
        var problem = WithMidShift(AutumnHome().WithRule("weekly-rest", s => s with { Limit = limit }).Build(), new LocalTime(8, 0));
        var rota = new RotaBuilder().AddDays("anna", AutumnMonday, 5, "g1-E").Add("anna", AutumnSaturday, "g1-L").Add("anna", AutumnMonday.PlusWeeks(1), "g1-M").Build();

        if (broken)
        {
            problem.SingleViolationOf(rota, "weekly-rest").ShouldMatch("anna", AutumnMonday, AutumnSunday, 35, limit);
        }
        else
        {
            problem.ShouldKeep(rota, "weekly-rest");
        }
    }

    [Fact]
    public void A_spring_night_lasts_eight_hours_of_working_time()
    {
        // N Saturday 22:00 -> Sunday 07:00 = 8 real hours: meets a weekly cap of 8, breaks 7.5.
        var rota = new RotaBuilder().Add("anna", SpringSaturday, "g1-N").Build();

        Home(SpringMonday).WithRule("max-weekly-hours", s => s with { Limit = 8 }).Build().ShouldKeep(rota, "max-weekly-hours");
        Home(SpringMonday).WithRule("max-weekly-hours", s => s with { Limit = 7.5 }).Build().SingleViolationOf(rota, "max-weekly-hours")
            .ShouldMatch("anna", SpringMonday, SpringSunday, 8, 7.5);
    }

    [Fact]
    public void A_week_of_nights_over_the_spring_change_is_62_hours()
    {
        // N Monday to Sunday: six nights of 9 h and Saturday's of 8 h = 62 h.
        var rota = new RotaBuilder().AddDays("anna", SpringMonday, 7, "g1-N").Build();

        Home(SpringMonday).Build().SingleViolationOf(rota, "max-weekly-hours").ShouldMatch("anna", SpringMonday, SpringSunday, 62, 60);
    }

    [Fact]
    public void A_week_of_nights_over_the_autumn_change_is_64_hours()
    {
        // N Monday to Sunday: six nights of 9 h and Saturday's of 10 h = 64 h.
        var rota = new RotaBuilder().AddDays("anna", AutumnMonday, 7, "g1-N").Build();

        Home(AutumnMonday).Build().SingleViolationOf(rota, "max-weekly-hours").ShouldMatch("anna", AutumnMonday, AutumnSunday, 64, 60);
    }

    [Fact]
    public void An_autumn_sleep_in_lasts_twelve_hours()
    {
        // S Saturday 21:00 -> Sunday 08:00 = 12 real hours (11 on the wall clock): breaks a shift limit of 11.5.
        var rota = new RotaBuilder().Add("anna", AutumnSaturday, "g1-S").Build();

        Home(AutumnMonday).WithRule("max-shift-length", s => s with { Limit = 11.5 }).Build().SingleViolationOf(rota, "max-shift-length")
            .ShouldMatch("anna", AutumnSaturday, AutumnSaturday, 12, 11.5);
    }

    [Fact]
    public void A_spring_night_is_the_only_one_within_an_eight_hour_limit()
    {
        // Limit 8: the N of Friday 2027-03-26 lasts 9 h (broken), the N of Saturday 8 h (kept).
        var rota = new RotaBuilder().Add("anna", SpringSaturday.PlusDays(-1), "g1-N").Add("anna", SpringSaturday, "g1-N").Build();

        Home(SpringMonday).WithRule("max-shift-length", s => s with { Limit = 8 }).Build().SingleViolationOf(rota, "max-shift-length")
            .ShouldMatch("anna", SpringSaturday.PlusDays(-1), SpringSaturday.PlusDays(-1), 9, 8);
    }

    [Fact]
    public void A_live_in_over_the_spring_change_lasts_71_hours()
    {
        // X Friday 2027-03-26 07:00 -> Monday 07:00 = 72 h on the wall clock, 71 real; no derogation.
        var friday = SpringSaturday.PlusDays(-1);
        var rota = new RotaBuilder().Add("anna", friday, "g1-X").Build();

        Home(SpringMonday).Build().SingleViolationOf(rota, "max-shift-length").ShouldMatch("anna", friday, friday, 71, 13);
    }
}
