using System.Text.Json.Nodes;

namespace ContinuityScheduler.Api.Tests;

/// <summary>The RFC 9457 answer every error must be: problem+json, its status in the body, a title.</summary>
public static class ProblemDocument
{
    public static async Task<JsonNode> ShouldBeAsync(HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().Be(status, text);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", text);
        var problem = JsonNode.Parse(text)!;
        ((int)problem["status"]!).Should().Be(status);
        ((string?)problem["title"]).Should().NotBeNullOrEmpty();
        return problem;
    }
}
