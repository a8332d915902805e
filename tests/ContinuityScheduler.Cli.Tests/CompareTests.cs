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
