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
        // E Mon-Fri, L Saturday (ends 22:00), Sunday free, E Monday 2027-03-29 07:00: 33 h on the wall clock, 32 real.
        var rota = new RotaBuilder().AddDays("anna", SpringMonday, 5, "g1-E").Add("anna", SpringSaturday, "g1-L").Add("anna", SpringMonday.PlusWeeks(1), "g1-E").Build();

        Home(SpringMonday, 2).Build().SingleViolationOf(rota, "weekly-rest").ShouldMatch("anna", SpringMonday, SpringSunday, 32, 35);
        Home(SpringMonday, 2).WithRule("weekly-rest", s => s with { Limit = 33 }).Build().SingleViolationOf(rota, "weekly-rest")
            .ShouldMatch("anna", SpringMonday, SpringSunday, 32, 33);
        Home(SpringMonday, 2).WithRule("weekly-rest", s => s with { Limit = 32 }).Build().ShouldKeep(rota, "weekly-rest");
    }

    [Fact]
    public void Autumn_weekly_rest_around_the_long_sunday_is_34_hours()
    {
        // E Mon-Fri, L Saturday (ends 22:00), Sunday free, E Monday 2026-10-26 07:00: 33 h on the wall clock, 34 real.
        var rota = new RotaBuilder().AddDays("anna", AutumnMonday, 5, "g1-E").Add("anna", AutumnSaturday, "g1-L").Add("anna", AutumnMonday.PlusWeeks(1), "g1-E").Build();

        Home(AutumnMonday, 2).Build().SingleViolationOf(rota, "weekly-rest").ShouldMatch("anna", AutumnMonday, AutumnSunday, 34, 35);
        Home(AutumnMonday, 2).WithRule("weekly-rest", s => s with { Limit = 34 }).Build().ShouldKeep(rota, "weekly-rest");
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
