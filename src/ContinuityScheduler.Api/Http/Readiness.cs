using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContinuityScheduler.Api.Http;

/// <summary>/health/ready: the database answers and this instance's solve workers run, as JSON a load balancer or an operator can read (503 when not).</summary>
public static class Readiness
{
    public const string Tag = "ready";

    public static HealthCheckOptions Options { get; } = new() { Predicate = check => check.Tags.Contains(Tag), ResponseWriter = WriteAsync };

    private static Task WriteAsync(HttpContext context, HealthReport report) => context.Response.WriteAsJsonAsync(new
    {
        status = report.Status.ToString(),
        checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
    });
}
