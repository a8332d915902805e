using System.Text;
using System.Text.Json.Nodes;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;

namespace ContinuityScheduler.Domain.Tests.Json;

/// <summary>Documents a parser accepts but a reader must refuse, each with its path: what a hostile or careless sender can send.</summary>
public sealed class HostileDocumentTests
{
    private static readonly PlanningProblem Problem = ProblemReader.Read(Documents.Minimal).Value!;

    [Fact]
    public void A_member_given_twice_is_refused_at_its_second_place()
    {
        var json = Documents.Minimal.Replace("\"id\": \"oak-house\",", "\"id\": \"oak-house\", \"id\": \"elm-house\",", StringComparison.Ordinal);

        var result = ProblemReader.Read(json);

        result.Succeeded.Should().BeFalse();
        result.Errors.Should().ContainSingle().Which.Should().Match<LoadError>(e => e.Path == "$.institution.id" && e.Message.Contains("twice"));
    }

    [Fact]
    public void A_lone_surrogate_in_a_string_is_refused()
    {
        var json = Documents.WithInstitution(i => i["name"] = "Oak").Replace("\"Oak\"", "\"Oak \\ud800 House\"", StringComparison.Ordinal);

        var result = ProblemReader.Read(json);

        result.Errors.Should().ContainSingle().Which.Should().Match<LoadError>(e => e.Path == "$.institution.name" && e.Message.Contains("surrogate"));
    }

    [Fact]
    public void A_lone_surrogate_in_a_member_name_is_refused()
    {
        var json = Documents.Minimal.Replace("\"id\": \"oak-house\",", "\"id\": \"oak-house\", \"\\udc00\": 1,", StringComparison.Ordinal);

        var result = ProblemReader.Read(json);

        result.Succeeded.Should().BeFalse();
        result.Errors.Should().Contain(e => e.Path == "$.institution" && e.Message.Contains("surrogate"));
    }

    [Theory]
    [InlineData("-leading-dash")]
    [InlineData("has space")]
    [InlineData("<script>")]
    [InlineData("a/b")]
    [InlineData("ünïcode")]
    public void An_id_outside_the_grammar_is_refused_with_the_grammar(string id)
    {
        var json = Documents.WithInstitution(i => i["id"] = id);

        var result = ProblemReader.Read(json);

        result.Errors.Should().Contain(e => e.Path == "$.institution.id" && e.Message.Contains(Ids.Rule));
    }

    [Fact]
    public void An_id_of_65_characters_is_refused_and_one_of_64_is_read()
    {
        ProblemReader.Read(Documents.WithInstitution(i => i["id"] = new string('a', 65))).Errors
            .Should().Contain(e => e.Path == "$.institution.id");
        ProblemReader.Read(Documents.WithInstitution(i => i["id"] = new string('a', 64))).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Every_id_kind_follows_the_grammar()
    {
        var document = JsonNode.Parse(Documents.Minimal)!.AsObject();
        document["groups"]![0]!["id"] = "robin nest";
        document["caregivers"]![0]!["id"] = "cg;1";
        document["children"]![0]!["id"] = "ch\"1";
        document["demands"]![0]!["id"] = "robin E";
        document["shiftTypes"]![0]!["code"] = "E,";

        var result = ProblemReader.Read(document.ToJsonString());

        result.Errors.Select(e => e.Path).Should().Contain(
            ["$.groups[0].id", "$.caregivers[0].id", "$.children[0].id", "$.demands[0].id", "$.shiftTypes[0].code"]);
    }

    [Fact]
    public void A_line_break_in_a_name_is_refused_and_not_echoed()
    {
        var result = ProblemReader.Read(Documents.WithInstitution(i => i["name"] = "Oak\r\nSet-Cookie: x"));

        var error = result.Errors.Should().ContainSingle().Subject;
        error.Path.Should().Be("$.institution.name");
        error.Message.Should().Contain("control characters").And.NotContain("\n").And.NotContain("\r");
    }

    [Fact]
    public void Errors_stop_at_the_cap_and_say_how_many_more_there_were()
    {
        var document = JsonNode.Parse(Documents.Minimal)!.AsObject();
        var caregivers = document["caregivers"]!.AsArray();
        for (var i = 0; i < 250; i++)
        {
            caregivers.Add(new JsonObject { ["id"] = $"extra-{i}", ["contract"] = new JsonObject { ["hoursPerWeek"] = -1 } });
        }

        var result = ProblemReader.Read(document.ToJsonString());

        result.Errors.Should().HaveCount(ErrorText.MaxErrors + 1);
        result.Errors[^1].Should().Be(new LoadError("$", "And 150 more errors like these."));
    }

    [Fact]
    public void An_assignment_given_twice_is_refused_at_the_repeat()
    {
        const string json = """
            {
              "assignments": [
                { "caregiverId": "cg-1", "date": "2026-11-30", "demandId": "robin-E" },
                { "caregiverId": "cg-2", "date": "2026-11-30", "demandId": "robin-E" },
                { "caregiverId": "cg-1", "date": "2026-11-30", "demandId": "robin-E" }
              ]
            }
            """;

        var result = RotaReader.Read(json, Problem);

        result.Errors.Should().ContainSingle().Which.Should().Match<LoadError>(
            e => e.Path == "$.assignments[2]" && e.Message.Contains("Repeats $.assignments[0]"));
    }

    [Fact]
    public void A_rota_beyond_the_assignment_cap_is_refused_before_it_is_judged()
    {
        var json = new StringBuilder("{\"assignments\":[");
        for (var i = 0; i <= RotaReader.MaxAssignments; i++)
        {
            json.Append(i == 0 ? "" : ",").Append("{\"caregiverId\":\"cg-1\",\"date\":\"2026-11-30\",\"demandId\":\"robin-E\"}");
        }

        var result = RotaReader.Read(json.Append("]}").ToString(), Problem);

        result.Errors.Should().ContainSingle().Which.Should().Match<LoadError>(
            e => e.Path == "$.assignments" && e.Message.Contains($"at most {RotaReader.MaxAssignments}"));
    }

    [Fact]
    public void A_rota_naming_an_id_outside_the_grammar_is_refused()
    {
        const string json = """{ "assignments": [ { "caregiverId": "cg 1", "date": "2026-11-30", "demandId": "robin-E" } ] }""";

        RotaReader.Read(json, Problem).Errors.Should().Contain(e => e.Path == "$.assignments[0].caregiverId" && e.Message.Contains(Ids.Rule));
    }
}
