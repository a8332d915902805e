using ContinuityScheduler.Domain.Json;

namespace ContinuityScheduler.Domain.Tests.Json;

/// <summary>The candidates file of `continuity advise`: the workshop's files read against their homes, and errors at their paths.</summary>
public sealed class CandidateReaderTests
{
    [Theory]
    [InlineData("baby-home")]
    [InlineData("regional")]
    public void The_workshop_candidates_read_against_their_home(string home)
    {
        var problem = ProblemReader.Read(RepositoryFiles.ReadSample($"{home}.json")).Value!;
        var text = File.ReadAllText(Path.Combine(RepositoryFiles.SamplesDirectory, "workshop", "advice", $"{home}.json"));

        var candidates = CandidateReader.Read(text, problem);

        candidates.Errors.Should().BeEmpty();
        candidates.Value!.Should().HaveCount(4);
    }

    [Fact]
    public void A_copy_of_nobody_and_an_unknown_group_are_named_at_their_paths()
    {
        var problem = ProblemReader.Read(RepositoryFiles.ReadSample("small-home.json")).Value!;
        const string Text = """{ "candidates": [ { "like": "nobody" }, { "id": "x", "contract": { "hoursPerWeek": 20 }, "allowedGroups": [ "nowhere" ] } ] }""";

        var errors = CandidateReader.Read(Text, problem).Errors;

        errors.Select(e => e.Path).Should().Contain(["$.candidates[0].like", "$.candidates[1].allowedGroups"]);
        errors.Should().Contain(e => e.Message.Contains("nobody")).And.Contain(e => e.Message.Contains("nowhere"));
    }
}
