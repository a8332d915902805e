using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;
using NodaTime;

namespace ContinuityScheduler.Domain.Tests.Json;

public sealed class RotaReaderTests
{
    private static readonly PlanningProblem Problem = ProblemReader.Read(Documents.Minimal).Value!;

    [Fact]
    public void A_valid_rota_is_read_with_its_assignments_and_maker()
    {
        const string json = """
            {
              "madeBy": "solver",
              "assignments": [
                { "caregiverId": "cg-1", "date": "2026-11-30", "demandId": "robin-E" },
                { "caregiverId": "cg-2", "date": "2026-11-30", "demandId": "robin-N" }
              ]
            }
            """;

        var result = RotaReader.Read(json, Problem);

        result.Errors.Should().BeEmpty();
        result.Value!.MadeBy.Should().Be("solver");
        result.Value.Assignments.Should().Equal(
            new Assignment("cg-1", new LocalDate(2026, 11, 30), "robin-E"),
            new Assignment("cg-2", new LocalDate(2026, 11, 30), "robin-N"));
    }

    [Fact]
    public void A_rota_without_a_maker_is_manual()
    {
        var result = RotaReader.Read("""{ "assignments": [] }""", Problem);

        result.Errors.Should().BeEmpty();
        result.Value!.MadeBy.Should().Be("manual");
        result.Value.Assignments.Should().BeEmpty();
    }

    [Fact]
    public void An_unknown_caregiver_is_reported_at_its_assignment()
    {
        const string json = """
            {
              "assignments": [
                { "caregiverId": "cg-1", "date": "2026-11-30", "demandId": "robin-E" },
                { "caregiverId": "cg-9", "date": "2026-12-01", "demandId": "robin-E" }
              ]
            }
            """;

        var result = Read(json);

        result.Errors.Should().ContainSingle().Which.Should().Match<LoadError>(
            e => e.Path == "$.assignments[1].caregiverId" && e.Message.Contains("Unknown caregiver 'cg-9'"));
    }

    [Fact]
    public void An_unknown_demand_is_reported_at_its_assignment()
    {
        const string json = """
            {
              "assignments": [
                { "caregiverId": "cg-1", "date": "2026-11-30", "demandId": "wren-E" }
              ]
            }
            """;

        var result = Read(json);

        result.Errors.Should().ContainSingle().Which.Should().Match<LoadError>(
            e => e.Path == "$.assignments[0].demandId" && e.Message.Contains("Unknown demand 'wren-E'"));
    }

    [Fact]
    public void An_assignment_with_both_an_unknown_caregiver_and_an_unknown_demand_reports_both()
    {
        const string json = """
            {
              "assignments": [
                { "caregiverId": "cg-9", "date": "2026-11-30", "demandId": "wren-E" }
              ]
            }
            """;

        var result = Read(json);

        result.Errors.Select(e => e.Path).Should().BeEquivalentTo(["$.assignments[0].caregiverId", "$.assignments[0].demandId"]);
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("2026-02-30")]
    [InlineData("30/11/2026")]
    [InlineData("2026-11-30T07:00")]
    public void A_bad_date_is_reported_at_its_assignment(string date)
    {
        var json = $$"""
            { "assignments": [ { "caregiverId": "cg-1", "date": "2026-11-30", "demandId": "robin-E" },
                               { "caregiverId": "cg-2", "date": "{{date}}", "demandId": "robin-E" } ] }
            """;

        var result = Read(json);

        result.Errors.Should().ContainSingle().Which.Should().Match<LoadError>(
            e => e.Path == "$.assignments[1].date" && e.Message.Contains($"'{date}'"));
    }

    [Fact]
    public void Missing_assignments_are_reported()
    {
        var result = Read("""{ "madeBy": "manual" }""");

        result.Errors.Should().ContainSingle().Which.Should().Be(new LoadError("$.assignments", "Required."));
    }

    [Fact]
    public void Assignments_that_are_not_an_array_are_reported()
    {
        var result = Read("""{ "assignments": { "caregiverId": "cg-1" } }""");

        result.Errors.Should().ContainSingle().Which.Path.Should().Be("$.assignments");
    }

    [Fact]
    public void Missing_fields_and_unknown_properties_of_an_assignment_are_all_reported()
    {
        var result = Read("""{ "assignments": [ { "caregiver": "cg-1", "date": 20261130 } ] }""");

        result.Errors.Select(e => e.Path).Should().BeEquivalentTo(
            ["$.assignments[0].caregiver", "$.assignments[0].caregiverId", "$.assignments[0].date", "$.assignments[0].demandId"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("caregiverId,date,demandId\ncg-1,2026-11-30,robin-E")]
    [InlineData("{ \"assignments\": [ ")]
    [InlineData("{ 'assignments': [] }")]
    public void Text_that_is_not_json_is_reported_at_the_root(string json)
    {
        var result = Read(json);

        result.Errors.Should().ContainSingle().Which.Should().Match<LoadError>(
            e => e.Path == "$" && e.Message.StartsWith("Not valid JSON"));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"rota\"")]
    public void A_root_that_is_not_an_object_is_reported_at_the_root(string json)
    {
        var result = Read(json);

        result.Errors.Should().ContainSingle().Which.Should().Match<LoadError>(
            e => e.Path == "$" && e.Message.StartsWith("Expected an object"));
    }

    [Fact]
    public void A_string_that_is_not_valid_text_is_reported_not_thrown()
    {
        const string json = """{ "assignments": [ { "caregiverId": "cg-1\ud800", "date": "2026-11-30", "demandId": "robin-E" } ] }""";

        var result = Read(json);

        result.Errors.Should().ContainSingle().Which.Path.Should().Be("$.assignments[0].caregiverId");
    }

    private static LoadResult<Rota> Read(string json)
    {
        var read = () => RotaReader.Read(json, Problem);
        var result = read.Should().NotThrow().Subject;
        result.Succeeded.Should().BeFalse();
        result.Value.Should().BeNull();
        return result;
    }
}
