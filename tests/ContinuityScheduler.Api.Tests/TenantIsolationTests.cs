using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ContinuityScheduler.Api.Tests;

/// <summary>Institution B's key never sees or changes A's data, on every endpoint the service maps — found from its routing table, so new endpoints are covered too.</summary>
public sealed class TenantIsolationTests : IDisposable
{
    private readonly ApiFactory factory = new();

    public void Dispose()
    {
        factory.Dispose();
        factory.DeleteData();
    }

    [Fact]
    public async Task Another_institutions_key_gets_404_on_every_endpoint_and_changes_nothing()
    {
        var a = await Tenant.FromSampleAsync(factory, "small-home", "home-a");
        var b = await Tenant.CreateAsync(factory, new JsonObject { ["id"] = "home-b", ["timeZone"] = "Europe/Copenhagen" });
        var job = await a.SolveAsync("2026-11-30", weeks: 1, seconds: 3);
        var ids = new Dictionary<string, string>
        {
            ["rotaId"] = await a.HospitalWayAsync("2026-11-30", weeks: 1),
            ["jobId"] = (string)job["id"]!,
            ["caregiverId"] = "cg-001",
        };
        var before = await Snapshot.OfAsync(a);

        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1/institutions/{institutionId}", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (Method: m, Pattern: e.RoutePattern.RawText!)))
            .ToList();
        routes.Should().HaveCountGreaterThan(40);
        foreach (var (method, pattern) in routes)
        {
            // A's own ids, once under A's path (B's key must not open it) and once under B's path (A's objects are not B's).
            foreach (var institution in new[] { a.Id, b.Id })
            {
                if (institution == b.Id && method == "PUT")
                {
                    continue; // a PUT under B's own path writes B's data, never A's
                }

                var path = Fill(pattern, institution, ids, KeyFor(pattern));
                var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method is "POST" or "PUT" ? Tenant.Json("{}") : null };
                var response = await b.Client.SendAsync(request);
                var expected = institution == a.Id || pattern.Contains("{rotaId", StringComparison.Ordinal) || pattern.Contains("{jobId", StringComparison.Ordinal) || pattern.EndsWith("{key}", StringComparison.Ordinal) || pattern.Contains("{caregiverId}", StringComparison.Ordinal);
                if (pattern.Contains("/api-keys", StringComparison.Ordinal))
                {
                    response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, $"{method} {path} is for the administrator only");
                }
                else if (expected)
                {
                    response.StatusCode.Should().Be(HttpStatusCode.NotFound, $"{method} {path} with B's key");
                    response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
                }
            }
        }

        (await Snapshot.OfAsync(a)).Should().Be(before);
    }

    /// <summary>A key A really has for the collection in the pattern, so a 404 means "not yours", not "no such thing".</summary>
    private static string KeyFor(string pattern) => pattern.Split('/') switch
    {
        var parts when parts.Contains("shift-types") => "E",
        var parts when parts.Contains("groups") => "robin",
        var parts when parts.Contains("children") => "ch-001",
        var parts when parts.Contains("demands") => "robin-E",
        var parts when parts.Contains("absences") || parts.Contains("wishes") => "cg-001-wish-1",
        _ => "cg-001",
    };

    private static string Fill(string pattern, string institution, Dictionary<string, string> ids, string key)
    {
        var path = pattern.Replace("{institutionId}", institution).Replace("{key}", key);
        foreach (var (name, value) in ids)
        {
            path = path.Replace($"{{{name}:guid}}", value).Replace($"{{{name}}}", value);
        }

        return path;
    }
}
