using System.Globalization;
using System.Text.Json.Nodes;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Testing;

namespace ContinuityScheduler.Api.Tests;

/// <summary>The committed contract is the one the code serves, and it documents every operation.</summary>
public sealed class OpenApiTests : IDisposable
{
    private readonly ApiFactory factory = new();

    public void Dispose()
    {
        factory.Dispose();
        factory.DeleteData();
    }

    private async Task<string> ServedAsync() => await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.yaml");

    [Fact]
    public async Task The_committed_openapi_yaml_is_what_the_service_serves()
    {
        var committed = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "openapi.yaml"));
        Normalise(await ServedAsync()).Should().Be(Normalise(committed), "openapi.yaml is generated from the code: run scripts/openapi.sh and commit it");
    }

    [Fact]
    public async Task Every_operation_has_a_summary_and_every_body_and_error_an_example()
    {
        var lines = (await ServedAsync()).Split('\n');
        var operations = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(lines[i], "^    (get|put|post|delete):$"))
            {
                continue;
            }

            operations++;
            var block = lines.Skip(i + 1).TakeWhile(l => l.StartsWith("      ", StringComparison.Ordinal) || l.Length == 0).ToList();
            block.Should().Contain(l => l.StartsWith("      summary: ", StringComparison.Ordinal), $"{lines[i]} after line {i} has a summary");
            block.Should().Contain(l => l.StartsWith("      responses:", StringComparison.Ordinal));
            if (block.Any(l => l.StartsWith("      requestBody:", StringComparison.Ordinal)) && block.Any(l => l.Contains("application/json:", StringComparison.Ordinal)))
            {
                var body = block.SkipWhile(l => !l.StartsWith("      requestBody:", StringComparison.Ordinal)).TakeWhile(l => !l.StartsWith("      responses:", StringComparison.Ordinal));
                body.Should().Contain(l => l.TrimStart().StartsWith("example:", StringComparison.Ordinal), $"the body of {lines[i]} at line {i} has an example");
            }

            block.Count(l => l.Contains("application/problem+json:", StringComparison.Ordinal))
                .Should().BeLessThanOrEqualTo(block.Count(l => l.TrimStart().StartsWith("example:", StringComparison.Ordinal)), $"every problem response of {lines[i]} at line {i} has an example");
        }

        operations.Should().BeGreaterThan(45);
    }

    [Fact]
    public async Task The_id_grammar_and_the_limits_are_in_the_contract()
    {
        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;

        var description = (string)document["info"]!["description"]!;
        description.Should().Contain(Ids.Pattern).And.Contain("4 MiB").And.Contain(RotaReader.MaxAssignments.ToString(CultureInfo.InvariantCulture))
            .And.Contain($"at most {ErrorText.MaxErrors} errors").And.Contain("429");
        var routeIds = document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(operation => operation.Value))
            .SelectMany(operation => operation!["parameters"]?.AsArray() ?? [])
            .Where(parameter => (string)parameter!["in"]! == "path" && (string)parameter["name"]! is "institutionId" or "caregiverId" or "scenarioId" or "key")
            .ToList();
        routeIds.Should().HaveCountGreaterThan(40).And.OnlyContain(parameter => (string?)parameter!["schema"]!["pattern"] == Ids.Pattern);
        var assignment = document["components"]!["schemas"]!["AssignmentBody"]!["properties"]!;
        ((string?)assignment["caregiverId"]!["pattern"]).Should().Be(Ids.Pattern);
        ((string?)assignment["date"]!["pattern"]).Should().BeNull();
        ((string?)document["components"]!["schemas"]!["CaregiverBody"]!["properties"]!["externalId"]!["pattern"]).Should().BeNull("an HR system's own id is free text");
    }

    private static string Normalise(string yaml) => yaml.Replace("\r\n", "\n").TrimEnd();
}
