using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Api.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContinuityScheduler.Api.Security;

/// <summary>
/// Who is calling. Institution endpoints need that institution's key: a key of another institution gets 404,
/// exactly as an institution that does not exist, so ids of others cannot be probed.
/// </summary>
public static class Caller
{
    private const string InstitutionItem = "institution";

    public static InstitutionRecord Institution(HttpContext context) => (InstitutionRecord)context.Items[InstitutionItem]!;

    public static async ValueTask<object?> RequireInstitutionKey(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var (owner, problem) = await KeyOwnerAsync(context);
        if (problem is not null)
        {
            return problem;
        }

        var wanted = context.GetRouteValue("institutionId") as string;
        if (owner!.Id != wanted)
        {
            return Problems.NotFound($"institution '{wanted}'");
        }

        context.Items[InstitutionItem] = owner;
        return await next(invocation);
    }

    /// <summary>For the stateless endpoints: any live key of any institution.</summary>
    public static async ValueTask<object?> RequireAnyKey(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var (_, problem) = await KeyOwnerAsync(invocation.HttpContext);
        return problem ?? await next(invocation);
    }

    public static async ValueTask<object?> RequireAdminKey(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var expected = context.RequestServices.GetRequiredService<IOptions<ServiceOptions>>().Value.AdminApiKey;
        var given = context.Request.Headers[ApiKeys.AdminHeader].ToString();
        if (string.IsNullOrEmpty(expected))
        {
            return Problems.Unauthorized("Administration is disabled: no admin key is configured (ContinuityScheduler:AdminApiKey).");
        }

        return string.IsNullOrEmpty(given) || !ApiKeys.SameKey(given, expected)
            ? Problems.Unauthorized($"Send the admin key in the {ApiKeys.AdminHeader} header.")
            : await next(invocation);
    }

    /// <summary>The key a request carries (an institution's or the admin's), hashed: the partition of the request budget; null without one.</summary>
    public static string? KeyOf(HttpContext context)
    {
        var key = context.Request.Headers[ApiKeys.Header].ToString();
        var admin = context.Request.Headers[ApiKeys.AdminHeader].ToString();
        return !string.IsNullOrEmpty(key) ? $"key:{ApiKeys.Hash(key)}" : !string.IsNullOrEmpty(admin) ? $"admin:{ApiKeys.Hash(admin)}" : null;
    }

    private static async Task<(InstitutionRecord? Owner, object? Problem)> KeyOwnerAsync(HttpContext context)
    {
        var key = context.Request.Headers[ApiKeys.Header].ToString();
        if (string.IsNullOrEmpty(key))
        {
            return (null, Problems.Unauthorized($"Send your institution's API key in the {ApiKeys.Header} header."));
        }

        var db = context.RequestServices.GetRequiredService<SchedulerDb>();
        var hash = ApiKeys.Hash(key);
        var owner = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash && k.RevokedAt == null)
            .Join(db.Institutions, k => k.InstitutionId, i => i.Id, (k, i) => i)
            .FirstOrDefaultAsync(context.RequestAborted);
        return owner is null ? (null, Problems.Unauthorized("The API key is unknown or revoked.")) : (owner, null);
    }
}
