using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Tests.Support;
using NodaTime;
using static ContinuityScheduler.Domain.Tests.Rules.TimeRuleAssertions;

namespace ContinuityScheduler.Domain.Tests.Rules;

/// <summary>
/// Rules across the boundary between history and the horizon (Monday 2026-11-30 = Day(0); Day(-1) is Sunday 2026-11-29).
/// </summary>
public sealed class HistoryBoundaryTests
{
    private static ProblemBuilder WithHistoryDays(ProblemBuilder builder, string caregiverId, int firstDay, int days, string shiftType)
    {
        for (var d = 0; d < days; d++)
        {
            builder.WithHistoryShift(caregiverId, Day(firstDay + d), shiftType, "g1");
        }

        return builder;
    }

    // ---- min-rest, no-overlap, weekly-rest ----

    [Fact]
    public void Min_rest_runs_from_a_history_late_on_sunday_to_an_early_on_monday()
    {
        // History L Sunday ends 22:00, rota E Monday 07:00: 9 h, reported from Sunday to Monday.
        var problem = Home().WithHistoryShift("anna", Day(-1), "L", "g1").Build();
        var rota = new RotaBuilder().Add("anna", Day(0), "g1-E").Build();

        problem.SingleViolationOf(rota, "min-rest").ShouldMatch("anna", Day(-1), Day(0), 9, 11);
    }

    [Fact]
    public void Min_rest_after_a_history_night_straight_into_an_early_is_zero()
    {
        // History N Sunday 22:00 -> Monday 07:00, rota E Monday 07:00: 0 h.
        var problem = Home().WithHistoryShift("anna", Day(-1), "N", "g1").Build();
        var rota = new RotaBuilder().Add("anna", Day(0), "g1-E").Build();

        problem.SingleViolationOf(rota, "min-rest").ShouldMatch("anna", Day(-1), Day(0), 0, 11);
    }

    [Fact]
    public void Min_rest_between_two_history_shifts_is_not_judged_again()
    {
        // History L Saturday -> E Sunday rests 9 h, but both were published already; the rota's E Tuesday is far off.
        var problem = Home().WithHistoryShift("anna", Day(-2), "L", "g1").WithHistoryShift("anna", Day(-1), "E", "g1").Build();
        var rota = new RotaBuilder().Add("anna", Day(1), "g1-E").Build();

        problem.ShouldKeep(rota, "min-rest");
    }

    [Fact]
    public void A_history_sleep_in_overlaps_a_monday_early()
    {
        // History S Sunday 21:00 -> Monday 08:00 and rota E Monday 07:00 share 1 h.
        var problem = Home().WithHistoryShift("anna", Day(-1), "S", "g1").Build();
        var rota = new RotaBuilder().Add("anna", Day(0), "g1-E").Build();

        problem.SingleViolationOf(rota, "no-overlap").ShouldMatch("anna", Day(-1), Day(0), 1, 0);
    }

    [Fact]
    public void Weekly_rest_counts_from_the_end_of_a_history_shift()
    {
        // Monday free, E Tuesday to Sunday. Without history the rest before Tuesday is unbounded; after a history
        // L on Sunday (ends 22:00) it is Sunday 22:00 -> Tuesday 07:00 = 33 h.
        var rota = new RotaBuilder().AddDays("anna", Day(1), 6, "g1-E").Build();

        Home().Build().ShouldKeep(rota, "weekly-rest");
        Home().WithHistoryShift("anna", Day(-1), "L", "g1").Build().SingleViolationOf(rota, "weekly-rest")
            .ShouldMatch("anna", Day(0), Day(6), 33, 35);
    }

    // ---- consecutive days and nights ----

    [Fact]
    public void A_run_of_days_starting_in_history_counts_whole()
    {
        // History E Wednesday 2026-11-25 to Sunday (5 days) + rota E Monday, Tuesday: 7 days in a row.
        var problem = WithHistoryDays(Home(), "anna", -5, 5, "E").Build();
        var rota = new RotaBuilder().AddDays("anna", Day(0), 2, "g1-E").Build();

        problem.SingleViolationOf(rota, "max-consecutive-days").ShouldMatch("anna", Day(-5), Day(1), 7, 6);
    }

    [Fact]
    public void A_run_of_six_days_across_the_boundary_keeps_the_rule()
    {
        // History E Thursday to Sunday (4) + rota E Monday, Tuesday (2) = 6.
        var problem = WithHistoryDays(Home(), "anna", -4, 4, "E").Build();
        var rota = new RotaBuilder().AddDays("anna", Day(0), 2, "g1-E").Build();

        problem.ShouldKeep(rota, "max-consecutive-days");
    }

    [Fact]
    public void A_run_that_ended_in_history_is_not_judged_again()
    {
        // History E every day of the week before (7 in a row), Monday free, rota E from Tuesday.
        var problem = WithHistoryDays(Home(), "anna", -7, 7, "E").Build();
        var rota = new RotaBuilder().AddDays("anna", Day(1), 3, "g1-E").Build();

        problem.ShouldKeep(rota, "max-consecutive-days");
    }

    [Fact]
    public void A_run_of_nights_starting_in_history_counts_whole()
    {
        // History N Saturday and Sunday + rota N Monday to Wednesday: 5 nights in a row.
        var problem = WithHistoryDays(Home(), "anna", -2, 2, "N").Build();
        var rota = new RotaBuilder().AddDays("anna", Day(0), 3, "g1-N").Build();

        problem.SingleViolationOf(rota, "max-consecutive-nights").ShouldMatch("anna", Day(-2), Day(2), 5, 4);
    }

    [Fact]
    public void A_history_sleep_in_and_three_rota_nights_keep_the_limit_of_four()
    {
        // History S Sunday + rota N Monday to Wednesday = 4.
        var problem = Home().WithHistoryShift("anna", Day(-1), "S", "g1").Build();
        var rota = new RotaBuilder().AddDays("anna", Day(0), 3, "g1-N").Build();

        problem.ShouldKeep(rota, "max-consecutive-nights");
    }

    // ---- max-nights ----

    [Fact]
    public void History_nights_count_in_the_four_week_window()
    {
        // History from 2026-11-02: N 2026-11-09..11-17 (9 nights) + rota N Monday to Thursday (4) = 13.
        // The first window holding 13 ends Thursday 2026-12-03 and starts 27 days earlier, 2026-11-06.
        var problem = WithHistoryDays(Home().WithHistoryFrom(Day(-28)), "anna", -21, 9, "N").Build();
        var rota = new RotaBuilder().AddDays("anna", Day(0), 4, "g1-N").Build();

        problem.SingleViolationOf(rota, "max-nights").ShouldMatch("anna", Day(-24), Day(3), 13, 12);
    }

    [Fact]
    public void History_nights_older_than_the_window_drop_out()
    {
        // N 2026-11-02..11-10 (9) + rota N Monday to Thursday: every 28-day window ending in the horizon holds 9 (e.g. to
        // 2026-12-03: 11-06..11-10 = 5, plus 4).
        var problem = WithHistoryDays(Home().WithHistoryFrom(Day(-28)), "anna", -28, 9, "N").Build();
        var rota = new RotaBuilder().AddDays("anna", Day(0), 4, "g1-N").Build();

        problem.ShouldKeep(rota, "max-nights");
    }

    [Theory]
    [InlineData(-27, true)]
    [InlineData(-28, false)]
    public void The_window_to_monday_reaches_back_exactly_28_days(int firstHistoryNight, bool broken)
    {
        // 12 history nights from the given day + rota N Monday. The window ending Monday holds 2026-11-03 (Day -27)
        // to 2026-11-30: from Day -27 all 12 + 1 = 13; from Day -28 the first drops out: 11 + 1 = 12.
        var problem = WithHistoryDays(Home().WithHistoryFrom(Day(-28)), "anna", firstHistoryNight, 12, "N").Build();
        var rota = new RotaBuilder().Add("anna", Day(0), "g1-N").Build();

        if (broken)
        {
            problem.SingleViolationOf(rota, "max-nights").ShouldMatch("anna", Day(-27), Day(0), 13, 12);
        }
        else
        {
            problem.ShouldKeep(rota, "max-nights");
        }
    }

    // ---- free-weekends ----

    [Fact]
    public void Worked_history_weekends_count_against_the_rule()
    {
        // History from 2026-11-09: E on Saturdays 11-14, 11-21, 11-28 + rota E Saturday 12-05: 0 free of 4,
        // the run 2026-11-14..2026-12-06.
        var problem = Home().WithHistoryFrom(Day(-21))
            .WithHistoryShift("anna", Day(-16), "E", "g1")
            .WithHistoryShift("anna", Day(-9), "E", "g1")
            .WithHistoryShift("anna", Day(-2), "E", "g1")
            .Build();
        var rota = new RotaBuilder().Add("anna", Day(5), "g1-E").Build();

        problem.SingleViolationOf(rota, "free-weekends").ShouldMatch("anna", Day(-16), Day(6), 0, 2);
    }

    [Fact]
    public void A_weekend_before_the_history_counts_as_free()
    {
        // History from 2026-11-16: the weekend of 11-14 is unknown (free); 11-21, 11-28 and 12-05 are worked: 1 free.
        var problem = Home().WithHistoryFrom(Day(-14))
            .WithHistoryShift("anna", Day(-9), "E", "g1")
            .WithHistoryShift("anna", Day(-2), "E", "g1")
            .Build();
        var rota = new RotaBuilder().Add("anna", Day(5), "g1-E").Build();

        problem.SingleViolationOf(rota, "free-weekends").ShouldMatch("anna", Day(-16), Day(6), 1, 2);
    }

    [Fact]
    public void Two_free_weekends_across_the_boundary_keep_the_rule()
    {
        // History from 2026-11-09: 11-14 free, 11-21 and 11-28 worked, 12-05 free: 2 free.
        var problem = Home().WithHistoryFrom(Day(-21))
            .WithHistoryShift("anna", Day(-9), "E", "g1")
            .WithHistoryShift("anna", Day(-2), "E", "g1")
            .Build();
        var rota = new RotaBuilder().AddDays("anna", Day(0), 5, "g1-E").Build();

        problem.ShouldKeep(rota, "free-weekends");
    }

    // ---- average-weekly-hours ----

    [Fact]
    public void Average_uses_reported_hours_and_contract_hours_for_unknown_weeks()
    {
        // Weeks = 4, contract 40. Reported 11-16: 55 h, 11-23: 60 h; 11-09 unknown: 40 h; rota D x4 = 58 h.
        // (40 + 55 + 60 + 58) / 4 = 213 / 4 = 53.25 h over 2026-11-09..2026-12-06.
        var problem = new ProblemBuilder().WithGroup("g1").WithCaregiver("anna", 40)
            .WithRule("average-weekly-hours", s => s with { Weeks = 4 })
            .WithHistoryFrom(Monday)
            .WithWeeklyHours("anna", Day(-14), 55)
            .WithWeeklyHours("anna", Day(-7), 60)
            .Build();
        var rota = new RotaBuilder().AddDays("anna", Monday, 4, "g1-D").Build();

        problem.SingleViolationOf(rota, "average-weekly-hours").ShouldMatch("anna", Day(-21), Day(6), 53.25, 48);
    }

    [Fact]
    public void Average_over_seventeen_weeks_with_two_reported_weeks()
    {
        // Default 17 weeks, contract 48: 14 unknown weeks x 48 = 672, reported 60 + 60, rota D x7 = 101.5.
        // 893.5 / 17 = 52.5588 -> 52.56 h over 2026-08-10..2026-12-06.
        var problem = new ProblemBuilder().WithGroup("g1").WithCaregiver("anna", 48)
            .WithHistoryFrom(Monday)
            .WithWeeklyHours("anna", Day(-14), 60)
            .WithWeeklyHours("anna", Day(-7), 60)
            .Build();
        var rota = new RotaBuilder().AddDays("anna", Monday, 7, "g1-D").Build();

        problem.SingleViolationOf(rota, "average-weekly-hours").ShouldMatch("anna", new LocalDate(2026, 8, 10), Day(6), 52.56, 48);
    }

    [Fact]
    public void Light_reported_weeks_pull_the_average_under_the_limit()
    {
        // As above with 20 h reported twice: (672 + 40 + 101.5) / 17 = 47.85 h <= 48 h (without them: 51.15 h).
        var problem = new ProblemBuilder().WithGroup("g1").WithCaregiver("anna", 48)
            .WithHistoryFrom(Monday)
            .WithWeeklyHours("anna", Day(-14), 20)
            .WithWeeklyHours("anna", Day(-7), 20)
            .Build();
        var rota = new RotaBuilder().AddDays("anna", Monday, 7, "g1-D").Build();

        problem.ShouldKeep(rota, "average-weekly-hours");
    }

    [Fact]
    public void Average_uses_history_shifts_of_weeks_the_history_covers_whole()
    {
        // Weeks = 4, contract 40, history from 2026-11-16. Week 11-09 unknown: 40; week 11-16 history D x4: 58;
        // week 11-23 no shifts but 50 reported; rota D x4: 58. (40 + 58 + 50 + 58) / 4 = 51.5 h.
        var problem = WithHistoryDays(
                new ProblemBuilder().WithGroup("g1").WithCaregiver("anna", 40)
                    .WithRule("average-weekly-hours", s => s with { Weeks = 4 })
                    .WithHistoryFrom(Day(-14))
                    .WithWeeklyHours("anna", Day(-7), 50),
                "anna", -14, 4, "D")
            .Build();
        var rota = new RotaBuilder().AddDays("anna", Monday, 4, "g1-D").Build();

        problem.SingleViolationOf(rota, "average-weekly-hours").ShouldMatch("anna", Day(-21), Day(6), 51.5, 48);
    }

    [Fact]
    public void Reported_hours_win_over_history_shifts()
    {
        // Weeks = 4, contract 40, limit 30, history from 2026-11-23 with D x4 (58 h) but 20 h reported for that week:
        // (40 + 40 + 20 + 58) / 4 = 39.5 h (with the shifts it would be 49 h).
        var problem = WithHistoryDays(
                new ProblemBuilder().WithGroup("g1").WithCaregiver("anna", 40)
                    .WithRule("average-weekly-hours", s => s with { Weeks = 4, Limit = 30 })
                    .WithHistoryFrom(Day(-7))
                    .WithWeeklyHours("anna", Day(-7), 20),
                "anna", -7, 4, "D")
            .Build();
        var rota = new RotaBuilder().AddDays("anna", Monday, 4, "g1-D").Build();

        problem.SingleViolationOf(rota, "average-weekly-hours").ShouldMatch("anna", Day(-21), Day(6), 39.5, 30);
    }

    [Fact]
    public void A_week_the_history_covers_only_in_part_counts_at_contract_hours()
    {
        // Weeks = 2, contract 40, history from Wednesday 2026-11-25 with D Wed-Sat (58 h): the week of 11-23 is not
        // covered whole, so it counts 40 h. (40 + 58) / 2 = 49 h over 2026-11-23..2026-12-06.
        var problem = WithHistoryDays(
                new ProblemBuilder().WithGroup("g1").WithCaregiver("anna", 40)
                    .WithRule("average-weekly-hours", s => s with { Weeks = 2 })
                    .WithHistoryFrom(Day(-5)),
                "anna", -5, 4, "D")
            .Build();
        var rota = new RotaBuilder().AddDays("anna", Monday, 4, "g1-D").Build();

        problem.SingleViolationOf(rota, "average-weekly-hours").ShouldMatch("anna", Day(-7), Day(6), 49, 48);
    }

    // ---- weekly hours and shift length ----

    [Fact]
    public void Max_weekly_hours_judges_only_the_horizon_weeks()
    {
        // History D x7 (101.5 h) in the week before; the rota's week holds one E.
        var problem = WithHistoryDays(Home(), "anna", -7, 7, "D").Build();
        var rota = new RotaBuilder().Add("anna", Day(1), "g1-E").Build();

        problem.ShouldKeep(rota, "max-weekly-hours");
    }

    [Fact]
    public void A_history_live_in_must_be_followed_by_the_compensatory_rest()
    {
        // Derogation with 24 h compensatory rest. History X Friday 2026-11-27 07:00 -> Monday 07:00; rota N Monday 22:00:
        // 15 h of rest (enough for min-rest's 11 h, short of the 24 h the derogation asks after a live-in).
        var problem = Home().WithResidentialDerogation(24).WithHistoryShift("anna", Day(-3), "X", "g1").Build();
        var rota = new RotaBuilder().Add("anna", Day(0), "g1-N").Build();

        problem.ShouldKeep(rota, "min-rest");
        problem.SingleViolationOf(rota, "max-shift-length").ShouldMatch("anna", Day(-3), Day(0), 15, 24);
    }
}
