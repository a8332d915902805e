using ContinuityScheduler.Domain.Advice;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Solver.Advice;
using NodaTime;
using static ContinuityScheduler.Solver.Tests.Support.AdviceHomes;

namespace ContinuityScheduler.Solver.Tests;

/// <summary>The advice's greedy start, judged by the validator on the home with the copies it works.</summary>
public sealed class HireStartTests
{
    private static readonly PlanningProblem Problem = Home(nights: true, Staff("a", 40));

    /// <summary>A works the five weekday earlies; the weekend earlies and both nights are uncovered.</summary>
    private static readonly Rota Plain = new(Problem.Horizon.Dates.Where(d => d.DayOfWeek < IsoDayOfWeek.Saturday).Select(d => new Assignment("a", d, "early")));

    [Fact]
    public void Copies_hired_at_the_uncovered_posts_cover_them_within_every_rule_and_keep_the_rota()
    {
        IReadOnlyList<Candidate> candidates = [Candidate.Named("day", Exact16, [], [], 2), Candidate.Named("night", Exact16, ["night"], [], 2)];

        var start = HireStart.Cover(Problem, candidates, Plain);

        var working = start.Assignments.Select(a => a.CaregiverId).Where(id => id != "a").ToHashSet();
        working.Should().BeEquivalentTo(["day-1", "night-1"], "one copy for the weekend earlies, one for the nights");
        RotaValidator.Validate(Candidate.WithHires(Problem, candidates, working), start).Violations.Where(v => v.Severity == Severity.Hard).Should().BeEmpty();
        start.Assignments.Should().Contain(Plain.Assignments);
    }

    [Fact]
    public void A_copy_that_covers_nothing_more_is_not_hired()
    {
        // No candidate has "night": the day copy takes the weekend, and nothing more is hired for the nights.
        IReadOnlyList<Candidate> candidates = [Candidate.Named("day", Exact16, [], [], 2)];

        var start = HireStart.Cover(Problem, candidates, Plain);

        start.Assignments.Select(a => a.CaregiverId).Distinct().Should().BeEquivalentTo(["a", "day-1"]);
        var staffed = Candidate.WithHires(Problem, candidates, new HashSet<string> { "day-1" });
        RotaSolver.Shortfall(RotaValidator.Validate(staffed, start)).Should().Be(2, "the two nights");
    }

    [Fact]
    public void Cancelled_it_hires_no_one_more_and_keeps_the_rota()
    {
        IReadOnlyList<Candidate> candidates = [Candidate.Named("day", Exact16, [], [], 2), Candidate.Named("night", Exact16, ["night"], [], 2)];

        var start = HireStart.Cover(Problem, candidates, Plain, new CancellationToken(canceled: true));

        start.Assignments.Should().BeEquivalentTo(Plain.Assignments, "A's rota, with nothing A's rules allow added");
    }

    [Fact]
    public void A_copy_that_cannot_reach_its_contracts_minimum_is_not_hired()
    {
        // A 40 h night copy forbidden the Wednesday night: the Thursday night and the weekend earlies are 24 of its exact 40 h.
        IReadOnlyList<Candidate> candidates = [Candidate.Named("night", new Contract(40), ["night"], [], 2)];
        var blocked = new PlanningProblem(Problem.Institution, Problem.Horizon, Problem.Groups, Problem.Children, Problem.Caregivers, Problem.ShiftTypes,
            Problem.Demands, Problem.History, [.. candidates[0].CopyIds.Select(id => new Pin(PinKind.Forbid, id, new LocalDate(2026, 12, 2), "night"))]);

        var start = HireStart.Cover(blocked, candidates, Plain);

        start.Assignments.Should().BeEquivalentTo(Plain.Assignments);
    }
}
