using ContinuityScheduler.Domain.Baseline;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Scoring;

namespace ContinuityScheduler.Cli.Tests;

/// <summary>The hospital-way baseline on the samples, judged by the validator and the scorer.</summary>
public class HospitalWayTests
{
    private static readonly string[] NeverRelaxed = ["one-shift-per-day", "no-overlap", "min-rest", "absence", "skills", "allowed-groups", "max-shift-length", "pins"];

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_baseline_never_breaks_rest_absence_skills_or_allowed_groups(string name)
    {
        var problem = Load(name);

        var report = RotaValidator.Validate(problem, HospitalWay.Generate(problem));

        report.Violations.Where(v => NeverRelaxed.Contains(v.Code)).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_baseline_fills_every_demand_on_the_samples(string name)
    {
        var problem = Load(name);

        var report = RotaValidator.Validate(problem, HospitalWay.Generate(problem));

        report.Violations.Where(v => v.Code == "coverage" && v.Severity == Severity.Hard).Should().BeEmpty("the samples have enough staff for every post");
    }

    [Fact]
    public void The_baseline_rotates_day_staff_across_every_group_they_may_work_in()
    {
        var problem = Load("baby-home");

        var rota = HospitalWay.Generate(problem);

        var dayStaff = problem.Caregivers.Where(c => c.AllowedGroups.Count == 2 && !c.Skills.Contains("night")).ToList();
        dayStaff.Should().NotBeEmpty();
        foreach (var caregiver in dayStaff)
        {
            var groups = rota.Assignments
                .Where(a => a.CaregiverId == caregiver.Id)
                .SelectMany(a => problem.DemandsById[a.DemandId].GroupIds)
                .Distinct();
            groups.Should().BeEquivalentTo(caregiver.AllowedGroups, $"{caregiver.Id} is rotated through both groups of the house");
        }
    }

    [Fact]
    public void The_same_problem_gives_the_same_baseline()
    {
        var problem = Load("baby-home");

        DocumentWriter.Write(HospitalWay.Generate(problem)).Should().Be(DocumentWriter.Write(HospitalWay.Generate(problem)));
    }

    [Fact]
    public void The_hospital_way_gives_children_many_caregivers_a_week()
    {
        var problem = Load("baby-home");

        var report = ContinuityScorer.Score(problem, HospitalWay.Generate(problem));

        // The St. Petersburg homes saw 9–12 caregivers a week before reorganising; the baseline reproduces that picture.
        report.Institution.DistinctPerWeek.Should().BeGreaterThan(8);
        report.Children.Should().OnlyContain(c => c.Score < 75);
    }

    public static TheoryData<string> Samples() => [.. RepoFiles.SampleNames];

    private static PlanningProblem Load(string name) => ProblemReader.Read(File.ReadAllText(RepoFiles.Sample(name))).Value!;
}
