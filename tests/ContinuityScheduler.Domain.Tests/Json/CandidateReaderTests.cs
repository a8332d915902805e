using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;

namespace ContinuityScheduler.Domain.Tests.Json;

/// <summary>The candidates file of `continuity advise`: copies numbered, like, errors at their paths, and the workshop's files.</summary>
public sealed class CandidateReaderTests
{
    // Skills a candidate may bring are those the home knows: here cg-1 has "infant" and "night".
    private static readonly PlanningProblem Problem = ProblemReader.Read(Documents.Minimal.Replace(
        """{ "id": "cg-1", "contract": { "hoursPerWeek": 37 } }""", """{ "id": "cg-1", "contract": { "hoursPerWeek": 37 }, "skills": [ "infant", "night" ] }""", StringComparison.Ordinal)).Value!;

    [Fact]
    public void Candidates_are_read_with_their_copies_numbered_and_like_copying_a_caregiver()
    {
        const string json = """
            {
              "candidates": [
                { "id": "night-30", "contract": { "hoursPerWeek": 30 }, "skills": [ "night" ], "allowedGroups": [ "robin" ], "price": 2.5, "maxCount": 2 },
                { "like": "cg-2", "maxCount": 2 },
                { "like": "cg-1", "skills": [ "infant" ] }
              ]
            }
            """;

        var result = CandidateReader.Read(json, Problem);

        result.Errors.Should().BeEmpty();
        var (night, relief, infant) = (result.Value![0], result.Value[1], result.Value[2]);
        night.CopyIds.Should().Equal("night-30-1", "night-30-2");
        night.Price.Should().Be(2.5);
        night.Skills.Should().BeEquivalentTo(["night"]);
        relief.CopyIds.Should().Equal("cand-1", "cand-2");
        relief.Contract.Should().Be(new Contract(30, EmploymentType.Relief));
        relief.Price.Should().Be(1);
        infant.CopyIds.Should().Equal("cand-3");
        infant.Contract.HoursPerWeek.Should().Be(37);
        infant.Skills.Should().BeEquivalentTo(["infant"], "a field given beside like wins");
    }

    [Fact]
    public void Every_error_is_named_at_its_path()
    {
        // "cg" with two copies would hire cg-1 and cg-2: the problem's caregivers' ids.
        const string json = """
            {
              "candidates": [
                { "id": "cg", "contract": { "hoursPerWeek": 20 }, "maxCount": 2 },
                { "like": "nobody" },
                { "id": "x", "contract": { "hoursPerWeek": 20 }, "allowedGroups": [ "wren" ], "price": -1, "maxCount": 0 },
                { "id": "y" },
                { "id": "z", "contract": { "hoursPerWeek": 20 }, "skills": [ "juggling" ] }
              ]
            }
            """;

        var result = CandidateReader.Read(json, Problem);

        result.Succeeded.Should().BeFalse();
        result.Errors.Select(e => e.ToString()).Should().Contain([
            "$.candidates[0]: The hire id 'cg-1' is already a caregiver's or another candidate's; give the candidate another id.",
            "$.candidates[0]: The hire id 'cg-2' is already a caregiver's or another candidate's; give the candidate another id.",
            "$.candidates[1].like: No caregiver 'nobody' in the problem to copy.",
            "$.candidates[2].allowedGroups: No group 'wren' in the problem.",
            "$.candidates[3].contract: Required.",
            "$.candidates[4].skills: No demand needs and no caregiver has the skill 'juggling'.",
        ]);
        result.Errors.Select(e => e.Path).Should().Contain(["$.candidates[2].price", "$.candidates[2].maxCount"]);
    }

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
}
