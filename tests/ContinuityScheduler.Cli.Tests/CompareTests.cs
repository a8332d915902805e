using ContinuityScheduler.Domain.Baseline;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Scenarios;

namespace ContinuityScheduler.Cli.Tests;

/// <summary>compare solves each scenario and sets it beside the base's hospital way; the figures are the domain's, recomputed here.</summary>
public sealed class CompareTests
{
    [Fact]
    public void Compare_writes_a_table_with_the_hospital_way_and_every_scenario()
    {
        var folder = Directory.CreateTempSubdirectory("continuity-compare-").FullName;
        try
        {
            var scenario = Path.Combine(folder, "one-more.json");
            File.WriteAllText(scenario, """{"name":"One more","changes":[{"kind":"add-caregivers","perGroupHours":37}]}""");
            var same = Path.Combine(folder, "same.json");
            File.WriteAllText(same, """{"name":"As it is","changes":[]}""");
            var report = Path.Combine(folder, "report.md");

            var run = CliRun.Of("compare", RepoFiles.Sample("small-home"), scenario, same, "--time-limit", "5", "--out", report);

            run.ExitCode.Should().Be(ExitCodes.Ok, run.Error);
            var lines = File.ReadAllLines(report);
            lines[0].Should().StartWith("Each scenario solved for 5 s");
            lines[2].Should().Be("| | Hospital way (base) | One more | As it is |");
            lines.Should().HaveCountGreaterThanOrEqualTo(ComparisonRow.All.Count + 3);
            var problem = ProblemReader.Read(File.ReadAllText(RepoFiles.Sample("small-home"))).Value!;
            var hospital = RotaFigures.Of(problem, HospitalWay.Generate(problem), new CostRates());
            var mean = lines.Single(l => l.StartsWith("| children's mean score |", StringComparison.Ordinal)).Split('|', StringSplitOptions.TrimEntries);
            mean[2].Should().Be(hospital.Continuity.Mean.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
            double.Parse(mean[4], System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThan(hospital.Continuity.Mean, "the solver's rota of the same home keeps teams together");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Compare_with_candidates_adds_each_homes_staffing_advice()
    {
        // The advice home: Anna's 5 earlies and Nina's 2 nights leave 2 earlies, one 16 h hire's work. "One more" adds a
        // 16 h caregiver to the group (those 2 earlies: no hire needed); without Nina, "like nina" copies no one.
        var folder = Directory.CreateTempSubdirectory("continuity-compare-advice-").FullName;
        try
        {
            var home = Path.Combine(folder, "home.json");
            File.WriteAllText(home, AdviseCommandTests.Problem);
            var candidates = Path.Combine(folder, "candidates.json");
            File.WriteAllText(candidates, AdviseCommandTests.Candidates);
            var oneMore = Path.Combine(folder, "one-more.json");
            File.WriteAllText(oneMore, """{"name":"One more","changes":[{"kind":"add-caregivers","perGroupHours":16}]}""");
            var withoutNina = Path.Combine(folder, "without-nina.json");
            File.WriteAllText(withoutNina, """{"name":"Without Nina","changes":[{"kind":"remove-caregivers","ids":["nina"]}]}""");
            var report = Path.Combine(folder, "report.md");

            var run = CliRun.Of("compare", home, oneMore, withoutNina, "--time-limit", "5", "--candidates", candidates, "--out", report);

            run.ExitCode.Should().Be(ExitCodes.Ok, run.Error);
            var text = File.ReadAllText(report);
            text.Should().Contain("Staffing advice for each column's home (the base's for the hospital way): candidates from candidates.json, target no uncovered post, 5 s each.");
            Cells(text, "advice: what it would take").Should().SatisfyRespectively(
                @base => @base.Should().StartWith("Hire 1 × 16 h caregiver"),
                more => more.Should().Be("No hire needed: the staff as they are can cover every post."),
                without => without.Should().Be("–"));
            Cells(text, "advice: status").Should().Equal("proven", "proven", "–");
            Cells(text, "advice: uncovered person-shifts after").Should().Equal("0", "0", "–");
            text.Should().Contain("No advice: the candidates do not fit this home ($.candidates[1].like: No caregiver 'nina' in the problem to copy.)");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A row's cells in the markdown table, the label left out.</summary>
    private static string[] Cells(string markdown, string label) =>
        markdown.Split('\n').Single(l => l.StartsWith($"| {label} |", StringComparison.Ordinal)).Split('|', StringSplitOptions.TrimEntries)[2..^1];

    [Fact]
    public void A_bad_scenario_file_is_reported_with_its_path_and_nothing_is_solved()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """{"name":"x","changes":[{"kind":"teleport"}]}""");
            var run = CliRun.Of("compare", RepoFiles.Sample("small-home"), file);
            run.ExitCode.Should().Be(ExitCodes.BadInput);
            run.Error.Should().Contain("$.changes[0].kind");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
