using ContinuityScheduler.Domain.Baseline;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Scenarios;
using ContinuityScheduler.Testing;

namespace ContinuityScheduler.Domain.Tests.Scenarios;

/// <summary>Scenario files are read strictly, and each change makes the problem a leader would expect from its name.</summary>
public sealed class ScenarioTests
{
    private static readonly string SmallHome = File.ReadAllText(RepositoryRoot.Sample("small-home"));

    private static Domain.Model.PlanningProblem Build(string scenario)
    {
        var read = ScenarioReader.Read(scenario);
        read.Errors.Should().BeEmpty();
        var built = ScenarioBuilder.Build(SmallHome, read.Value!);
        built.Errors.Should().BeEmpty();
        return built.Value!;
    }

    [Fact]
    public void A_shift_pattern_replaces_the_demands_and_keeps_old_shift_types_for_the_history()
    {
        var problem = Build("""
            {"name":"Long days","changes":[{"kind":"shift-pattern",
              "shiftTypes":[{"code":"LD","name":"Long day","start":"07:00","end":"21:30","kind":"day"}],
              "demands":[{"id":"robin-LD","groupIds":["robin"],"shiftType":"LD"},{"id":"wren-LD","groupIds":["wren"],"shiftType":"LD"},
                         {"id":"night","groupIds":["robin","wren"],"shiftType":"N"}]}]}
            """);
        problem.Demands.Select(d => d.Id).Should().Equal("robin-LD", "wren-LD", "night");
        problem.ShiftTypesByCode.Keys.Should().Contain(["LD", "E", "L", "N"]);
        problem.History.Shifts.Should().NotBeEmpty("last week's shifts still name their shift types");
    }

    [Fact]
    public void One_more_caregiver_per_group_has_the_groups_skills_and_only_that_group()
    {
        var baseProblem = ProblemReader.Read(SmallHome).Value!;
        var problem = Build("""{"name":"One more","changes":[{"kind":"add-caregivers","perGroupHours":37}]}""");
        problem.Caregivers.Should().HaveCount(baseProblem.Caregivers.Count + baseProblem.Groups.Count);
        var extra = problem.CaregiversById["extra-robin"];
        extra.AllowedGroups.Should().Equal("robin");
        extra.Skills.Should().BeEquivalentTo(baseProblem.Demands.Where(d => d.GroupIds.Contains("robin")).SelectMany(d => d.Skills).Distinct());
    }

    [Fact]
    public void Removing_a_caregiver_removes_their_history_key_person_places_and_core_team_places()
    {
        var problem = Build("""{"name":"Fewer","changes":[{"kind":"remove-caregivers","ids":["cg-001"]}]}""");
        problem.CaregiversById.Should().NotContainKey("cg-001");
        problem.History.Shifts.Should().NotContain(s => s.CaregiverId == "cg-001");
        problem.Children.Should().NotContain(c => c.KeyPersons.Contains("cg-001"));
        problem.Groups.Should().NotContain(g => g.CoreTeam.Contains("cg-001"));
    }

    [Fact]
    public void Merging_two_groups_moves_children_and_adds_up_posts_of_the_same_shift()
    {
        var baseProblem = ProblemReader.Read(SmallHome).Value!;
        var problem = Build("""{"name":"One group","changes":[{"kind":"merge-groups","groups":["robin","wren"],"into":{"id":"nest","name":"Nest"}}]}""");
        problem.Groups.Select(g => g.Id).Should().Equal("nest");
        problem.Children.Should().OnlyContain(c => c.Memberships.All(m => m.GroupId == "nest"));
        var lateBefore = baseProblem.Demands.Where(d => d.ShiftType == "L" && d.Skills.Count == 0).Sum(d => d.Count);
        problem.Demands.Where(d => d.ShiftType == "L" && d.Skills.Count == 0).Sum(d => d.Count).Should().Be(lateBefore);
        problem.Demands.Should().OnlyContain(d => d.GroupIds.SequenceEqual(new[] { "nest" }));
    }

    [Fact]
    public void Splitting_a_group_moves_the_named_children_and_caregivers_and_doubles_its_own_posts()
    {
        var baseProblem = ProblemReader.Read(SmallHome).Value!;
        var robin = baseProblem.Children.Where(c => c.Memberships.Any(m => m.GroupId == "robin")).Select(c => c.Id).ToList();
        var team = baseProblem.Caregivers.Where(c => c.AllowedGroups.Contains("robin")).Select(c => c.Id).Take(2).ToList();
        var scenario = $$"""
            {"name":"Two nests","changes":[{"kind":"split-group","group":"robin","into":{"id":"robin-2","name":"Robin 2"},
              "children":["{{robin[0]}}"],"caregivers":["{{team[0]}}","{{team[1]}}"]}]}
            """;

        var problem = Build(scenario);

        problem.Groups.Select(g => g.Id).Should().Contain(["robin", "robin-2"]);
        problem.Children.Single(c => c.Id == robin[0]).Memberships.Should().OnlyContain(m => m.GroupId == "robin-2");
        problem.Children.Where(c => robin.Skip(1).Contains(c.Id)).Should().OnlyContain(c => c.Memberships.All(m => m.GroupId == "robin"));
        problem.CaregiversById[team[0]].AllowedGroups.Should().Contain("robin-2").And.NotContain("robin");
        problem.History.Shifts.Where(s => s.CaregiverId == team[0]).Should().NotContain(s => s.GroupIds.Contains("robin"));
        var ownPosts = baseProblem.Demands.Where(d => d.GroupIds.SequenceEqual(new[] { "robin" })).ToList();
        problem.Demands.Where(d => d.GroupIds.SequenceEqual(new[] { "robin-2" })).Select(d => (d.ShiftType, d.Count))
            .Should().BeEquivalentTo(ownPosts.Select(d => (d.ShiftType, d.Count)));
        problem.Demands.Where(d => d.GroupIds.Count > 1 && d.GroupIds.Contains("robin")).Should().OnlyContain(d => d.GroupIds.Contains("robin-2"), "the house's night post covers the new group too");
    }

    [Fact]
    public void Core_team_size_and_labour_rules_change_as_named()
    {
        var problem = Build("""
            {"name":"Agreement","changes":[{"kind":"core-team-target","target":3,"groups":["robin"]},
              {"kind":"labour-rules","residentialDerogation":true,"rules":{"max-consecutive-days":{"limit":5}}}]}
            """);
        problem.GroupsById["robin"].CoreTeamTarget.Should().Be(3);
        problem.GroupsById["wren"].CoreTeamTarget.Should().Be(4);
        problem.Institution.LabourRules.ResidentialDerogation.Should().BeTrue();
        problem.Institution.LabourRules["max-consecutive-days"].Limit.Should().Be(5);
    }

    [Theory]
    [InlineData("""{"name":"x","changes":[{"kind":"teleport"}]}""", "$.changes[0].kind")]
    [InlineData("""{"name":"x","changes":[{"kind":"core-team-target","target":0}]}""", "$.changes[0].target")]
    [InlineData("""{"name":"x","changes":[{"kind":"merge-groups","groups":["robin"],"into":{"id":"n"}}]}""", "$.changes[0]")]
    [InlineData("""{"name":"x","changes":[{"kind":"split-group","group":"robin","into":{"id":"r2"},"children":[]}]}""", "$.changes[0]")]
    [InlineData("""{"name":"x","changes":[{"kind":"split-group","into":{"id":"r2"},"children":["c"]}]}""", "$.changes[0].group")]
    [InlineData("""{"changes":[]}""", "$.name")]
    [InlineData("""{"name":"x","changes":[{"kind":"remove-caregivers","ids":["cg-001"],"why":1}]}""", "$.changes[0].why")]
    public void Bad_scenario_files_name_the_path(string json, string path)
    {
        ScenarioReader.Read(json).Errors.Select(e => e.Path).Should().Contain(path);
    }

    [Fact]
    public void Figures_of_the_hospital_way_add_up()
    {
        var problem = ProblemReader.Read(SmallHome).Value!;
        var rota = HospitalWay.Generate(problem);
        var figures = RotaFigures.Of(problem, rota, new CostRates(Day: 10, WakingNight: 10, SleepIn: 10, LiveIn: 10));
        var shifts = new Domain.Shifts.ResolvedRota(problem, rota).RotaShifts;
        figures.PaidHours.Should().BeApproximately(shifts.Sum(s => s.PaidHours), 1e-9);
        figures.Cost.Should().BeApproximately(10 * figures.PaidHours, 1e-6, "one rate for every kind makes cost ten times paid hours");
        figures.WorkedHours.Should().BeGreaterThanOrEqualTo(figures.PaidHours);
        figures.Continuity.Mean.Should().Be(Domain.Scoring.ContinuityScorer.Score(problem, rota).Institution.Mean);
        figures.NightsPerCaregiver.Max.Should().BeGreaterThanOrEqualTo(figures.NightsPerCaregiver.Min);
    }

    [Theory]
    [InlineData("fixed-teams-8h")]
    [InlineData("long-days")]
    [InlineData("sleep-ins")]
    [InlineData("one-more-caregiver")]
    public void The_workshop_scenarios_make_valid_problems_of_baby_home(string name)
    {
        var scenario = ScenarioReader.Read(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "samples", "workshop", $"{name}.json")));
        scenario.Errors.Should().BeEmpty();
        ScenarioBuilder.Build(File.ReadAllText(RepositoryRoot.Sample("baby-home")), scenario.Value!).Errors.Should().BeEmpty();
    }
}
