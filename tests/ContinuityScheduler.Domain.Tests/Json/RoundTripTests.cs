using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;

namespace ContinuityScheduler.Domain.Tests.Json;

public sealed class RoundTripTests
{
    public static TheoryData<string> SampleFiles() => [.. RepositoryFiles.Samples()];

    [Fact]
    public void The_samples_are_all_there()
    {
        RepositoryFiles.Samples().Should().Contain(["small-home.json", "baby-home.json", "regional.json", "dst-week.json"]);
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void A_sample_loads_without_errors(string name)
    {
        var result = ProblemReader.Read(RepositoryFiles.ReadSample(name));

        result.Errors.Should().BeEmpty();
        result.Succeeded.Should().BeTrue();
        result.Value!.Caregivers.Should().NotBeEmpty();
        result.Value.Demands.Should().NotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Writing_a_sample_and_reading_it_back_is_a_fixed_point(string name)
    {
        var problem = Load(RepositoryFiles.ReadSample(name));

        var written = DocumentWriter.Write(problem);
        var reread = Load(written);
        var rewritten = DocumentWriter.Write(reread);

        rewritten.Should().Be(written);
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void A_written_sample_reads_back_as_the_same_problem(string name)
    {
        var problem = Load(RepositoryFiles.ReadSample(name));

        var reread = Load(DocumentWriter.Write(problem));

        reread.Institution.Id.Should().Be(problem.Institution.Id);
        reread.Institution.TimeZone.Should().Be(problem.Institution.TimeZone);
        reread.Institution.KeyMoments.Should().Be(problem.Institution.KeyMoments);
        reread.Institution.ScoreWeights.Should().Be(problem.Institution.ScoreWeights);
        reread.Institution.LabourRules.Settings.Should().BeEquivalentTo(problem.Institution.LabourRules.Settings);
        reread.Horizon.Should().Be(problem.Horizon);
        reread.ShiftTypes.Should().Equal(problem.ShiftTypes);
        reread.Caregivers.Select(c => c.Id).Should().Equal(problem.Caregivers.Select(c => c.Id));
        reread.Caregivers.Should().BeEquivalentTo(problem.Caregivers, options => options.WithStrictOrdering());
        reread.Children.Should().BeEquivalentTo(problem.Children, options => options.WithStrictOrdering());
        reread.Groups.Should().BeEquivalentTo(problem.Groups, options => options.WithStrictOrdering());
        reread.Demands.Should().BeEquivalentTo(problem.Demands, options => options.WithStrictOrdering());
        reread.History.Should().BeEquivalentTo(problem.History);
        reread.Pins.Should().Equal(problem.Pins);
    }

    [Fact]
    public void A_minimal_document_written_and_read_back_is_a_fixed_point()
    {
        var written = DocumentWriter.Write(Load(Documents.Minimal));

        DocumentWriter.Write(Load(written)).Should().Be(written);
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void A_written_rota_reads_back_with_the_same_assignments(string name)
    {
        var problem = Load(RepositoryFiles.ReadSample(name));
        var rota = SomeRota(problem);

        var written = DocumentWriter.Write(rota);
        var result = RotaReader.Read(written, problem);

        result.Errors.Should().BeEmpty();
        result.Value!.MadeBy.Should().Be(rota.MadeBy);
        // In one order, compared by value: BeEquivalentTo is quadratic on regional's thousands of assignments.
        result.Value.Assignments.Order(ByKey).Should().Equal(rota.Assignments.Order(ByKey));
        DocumentWriter.Write(result.Value).Should().Be(written);
    }

    private static readonly Comparer<Assignment> ByKey = Comparer<Assignment>.Create((a, b) =>
        (a.Date, a.CaregiverId, a.DemandId).CompareTo((b.Date, b.CaregiverId, b.DemandId)));

    [Fact]
    public void An_empty_rota_reads_back_empty()
    {
        var problem = Load(Documents.Minimal);

        var result = RotaReader.Read(DocumentWriter.Write(new Rota([], "hospital-way")), problem);

        result.Errors.Should().BeEmpty();
        result.Value!.Assignments.Should().BeEmpty();
        result.Value.MadeBy.Should().Be("hospital-way");
    }

    /// <summary>Every demand on every date of the horizon, given to caregivers in turn; deliberately listed in no particular order.</summary>
    private static Rota SomeRota(PlanningProblem problem)
    {
        var assignments = new List<Assignment>();
        var next = 0;
        foreach (var date in problem.Horizon.Dates.Reverse())
        {
            foreach (var demand in problem.Demands)
            {
                for (var i = 0; i < demand.Count; i++)
                {
                    assignments.Add(new Assignment(problem.Caregivers[next++ % problem.Caregivers.Count].Id, date, demand.Id));
                }
            }
        }

        return new Rota(assignments, "solver");
    }

    private static PlanningProblem Load(string json)
    {
        var result = ProblemReader.Read(json);
        result.Errors.Should().BeEmpty();
        return result.Value!;
    }
}
