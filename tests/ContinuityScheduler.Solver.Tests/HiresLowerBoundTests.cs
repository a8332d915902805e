using ContinuityScheduler.Domain.Advice;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Solver.Advice;
using NodaTime;
using static ContinuityScheduler.Solver.Tests.Support.AdviceHomes;

namespace ContinuityScheduler.Solver.Tests;

/// <summary>
/// The hires counted without the engine, on one-week homes worked out by hand (7 earlies of 8 h, a night of 8 h on
/// Wednesday and Thursday that needs "night"; exact contracts), and never above the fewest found by trying every set.
/// </summary>
public sealed class HiresLowerBoundTests
{
    private static readonly IReadOnlyList<Candidate> DayAndNight =
        [Candidate.Named("day", Exact16, [], [], 2), Candidate.Named("night", Exact16, ["night"], [], 2)];

    [Fact]
    public async Task The_hours_asked_beyond_the_staffs_contracts_count_hires_largest_first_and_match_the_fewest_by_hand()
    {
        // 72 h asked, A works at most 40: 32 h are left, 16 h a copy.
        var problem = Home(nights: true, Staff("a", 40));

        var counted = HiresLowerBound.Of(problem, DayAndNight);

        counted.Least.Should().Be(2);
        counted.Why.Should().Be("The home's posts ask 72 h; the staff who may work them can work at most 40 h, the hires offered 64 h more");
        (await Cheapest(problem, DayAndNight, byCost: false))!.Value.Count.Should().Be(2, "the count is tight here");
    }

    [Fact]
    public async Task A_count_matches_the_fewest_hires_found_by_trying_every_set()
    {
        // A 40 h caregiver with "night" and a 16 h one: 16 of the 72 hours are left, for a day copy (the all-rounder's 32 h are too many).
        var problem = Home(nights: true, Staff("a", 40, "night"), Staff("b", 16));
        IReadOnlyList<Candidate> candidates = [Candidate.Named("day", Exact16, [], [], 2), Candidate.Named("allround", new Contract(32), ["night"], [], 1)];

        var counted = HiresLowerBound.Of(problem, candidates);
        var fewest = await Cheapest(problem, candidates, byCost: false);

        fewest.Should().Be((1, 1.0));
        counted.Least.Should().Be(1);
    }

    [Fact]
    public void A_day_with_more_posts_than_staff_free_asks_a_hire_even_without_a_contract_ceiling()
    {
        // Without contract-hours A could work any hours; but A is on leave on Monday, when the early still needs someone.
        var monday = new LocalDate(2026, 11, 30);
        var onLeave = new Caregiver("a", "A", new Contract(40), absences: [new Absence(AbsenceKind.Leave, new DateInterval(monday, monday))]);
        var problem = WithRule(Home(nights: false, onLeave), "contract-hours", new RuleSettings(false, Severity.Hard, 0, 1));

        var counted = HiresLowerBound.Of(problem, DayAndNight);

        counted.Least.Should().Be(1);
        counted.Why.Should().Be("The home's posts ask 1 shift(s) on 2026-11-30; 0 of the staff who may work them are free that day, and 4 hire(s) are offered");
    }

    [Fact]
    public void Posts_no_one_offered_may_work_make_the_count_impossible_unless_the_skills_rule_is_soft()
    {
        // Nobody, staff or candidate, has "night".
        var problem = Home(nights: true, Staff("a", 40));
        IReadOnlyList<Candidate> days = [Candidate.Named("day", new Contract(40), [], [], 3)];

        var hard = HiresLowerBound.Of(problem, days);
        var soft = HiresLowerBound.Of(WithRule(problem, "skills", new RuleSettings(true, Severity.Soft, 0)), days);

        hard.Least.Should().BeNull();
        hard.Why.Should().Be("The posts needing night ask 16 h; the staff who may work them can work at most 0 h, the hires offered 0 h more");
        soft.Least.Should().Be(1, "72 h asked, A at most 40 h, one 40 h copy makes up the rest");
    }

    private static PlanningProblem WithRule(PlanningProblem problem, string code, RuleSettings settings)
    {
        var home = problem.Institution;
        var institution = new Institution(home.Id, home.Name, home.TimeZone, home.KeyMoments, home.LabourRules.With(code, settings), home.ScoreWeights);
        return new PlanningProblem(institution, problem.Horizon, problem.Groups, problem.Children, problem.Caregivers, problem.ShiftTypes, problem.Demands, problem.History, problem.Pins);
    }
}
