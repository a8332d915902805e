using System.Globalization;
using System.Threading.RateLimiting;
using ContinuityScheduler.Api.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace ContinuityScheduler.Api.Security;

/// <summary>
/// What every answer carries and every caller is held to: security headers (the page keeps an API key in its storage, so
/// no script but its own may run, nothing may frame it, and types are never sniffed), and a request budget per key.
/// </summary>
public static class HttpHardening
{
    /// <summary>The page's policy: its own scripts only (no inline script), its own styles (and inline style attributes, which its charts set), no framing.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddRequestBudget(this IServiceCollection services, int perKey, int perAddress) =>
        services.AddRateLimiter(options =>
        {
            // Both budgets hold: a key's own, and its address's, which made-up keys cannot multiply.
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PerMinute(context => $"address:{context.Connection.RemoteIpAddress}", perAddress),
                PerMinute(context => Caller.KeyOf(context) ?? $"address:{context.Connection.RemoteIpAddress}", perKey));
            options.OnRejected = async (rejected, cancellation) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? (int)Math.Ceiling(after.TotalSeconds) : 60;
                rejected.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await Problems.RateLimited(retryAfter).ExecuteAsync(rejected.HttpContext);
            };
        });

    private static PartitionedRateLimiter<HttpContext> PerMinute(Func<HttpContext, string> partition, int permits) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(
            partition(context),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            // Swagger UI runs inline scripts of its own; everything else gets the strict policy.
            if (!context.Request.Path.StartsWithSegments("/swagger", StringComparison.OrdinalIgnoreCase))
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            }

            return Task.CompletedTask;
        });
        await next(context);
    });
}
