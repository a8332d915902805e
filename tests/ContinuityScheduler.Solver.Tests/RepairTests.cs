using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Solver.Cbc;
using ContinuityScheduler.Solver.Model;

namespace ContinuityScheduler.Solver.Tests;

public class RepairTests
{
    private static readonly RotaSolver Solver = new(new CbcEngine());

    [Fact]
    public async Task A_sick_caregiver_is_replaced_on_their_days_only_and_the_rest_of_the_rota_stays()
    {
        var problem = Homes.Sample("small-home");
        var published = (await Solver.SolveAsync(problem, new SolveOptions { TimeLimit = TimeSpan.FromSeconds(15) })).Rota!;
        var sick = published.Assignments.GroupBy(a => a.CaregiverId).OrderByDescending(g => g.Count()).First().Key;
        var from = problem.Horizon.Start.PlusDays(1);
        var to = problem.Horizon.Start.PlusDays(3);
        var lost = published.Assignments.Count(a => a.CaregiverId == sick && a.Date >= from && a.Date <= to);

        var result = await Solver.RepairAsync(problem, published, sick, from, to, new SolveOptions { TimeLimit = TimeSpan.FromSeconds(20) });

        var repaired = result.Rota!;
        var withAbsence = repaired.Assignments.Where(a => a.CaregiverId == sick && a.Date >= from && a.Date <= to);
        withAbsence.Should().BeEmpty();
        var report = RotaValidator.Validate(ProblemWithSickness(problem, sick, from, to), repaired);
        report.Violations.Where(v => v.Severity == Severity.Hard && v.Code != "coverage").Should().BeEmpty();
        var before = published.Assignments.ToHashSet();
        var after = repaired.Assignments.ToHashSet();
        var removed = before.Where(a => !after.Contains(a)).ToList();
        var added = after.Where(a => !before.Contains(a)).ToList();
        // The lost shifts go and are replaced; a little more may move near the absence when a rule forces it
        // (the sick days lower the caregiver's contract target, so a shift beside them may have to go too).
        removed.Count(a => a.CaregiverId == sick).Should().BeGreaterThanOrEqualTo(lost);
        added.Should().HaveCount(removed.Count, "every post stays filled");
        result.Status.Should().Be(SolveStatus.Optimal, "the repair's few free columns are solved to the end");
        var fresh = (await Solver.SolveAsync(ProblemWithSickness(problem, sick, from, to), new SolveOptions { TimeLimit = TimeSpan.FromSeconds(15) })).Rota!;
        var freshChanges = before.Count(a => !fresh.Assignments.Contains(a)) + fresh.Assignments.Count(a => !before.Contains(a));
        (removed.Count + added.Count).Should().BeLessThan(freshChanges / 2, "a repair moves far less than a new rota would");
        removed.Concat(added).Should().OnlyContain(a => a.Date >= from.PlusDays(-RotaSolver.RepairMargin) && a.Date <= to.PlusDays(RotaSolver.RepairMargin));
        result.Objective!.Total.Should().BeApproximately(
            ObjectiveFunction.Evaluate(ProblemWithSickness(problem, sick, from, to), repaired, null, new RepairReference(ProblemWithSickness(problem, sick, from, to), published)).Total, 1e-6);
    }

    private static PlanningProblem ProblemWithSickness(PlanningProblem problem, string caregiverId, NodaTime.LocalDate from, NodaTime.LocalDate to)
    {
        var c = problem.CaregiversById[caregiverId];
        var sick = new Caregiver(c.Id, c.Name, c.Contract, c.Skills, c.AllowedGroups, [.. c.Absences, new Absence(AbsenceKind.Sickness, new NodaTime.DateInterval(from, to))], c.Wishes, c.ExternalId);
        return new PlanningProblem(problem.Institution, problem.Horizon, problem.Groups, problem.Children,
            problem.Caregivers.Select(x => x.Id == caregiverId ? sick : x), problem.ShiftTypes, problem.Demands, problem.History, problem.Pins);
    }
}
