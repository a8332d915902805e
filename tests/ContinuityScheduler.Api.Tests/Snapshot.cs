using ContinuityScheduler.Api.MasterData;

namespace ContinuityScheduler.Api.Tests;

/// <summary>Everything an institution can read about itself, as text, to show a request changed nothing.</summary>
public static class Snapshot
{
    public static async Task<string> OfAsync(Tenant tenant)
    {
        var parts = new List<string> { (await tenant.GetJsonAsync(tenant.Base)).ToJsonString() };
        foreach (var kind in ResourceKind.All)
        {
            parts.Add((await tenant.GetJsonAsync(kind.Collection)).ToJsonString());
        }

        parts.Add((await tenant.GetJsonAsync("rotas")).ToJsonString());
        parts.Add((await tenant.GetJsonAsync("solve-jobs")).ToJsonString());
        return string.Join('\n', parts);
    }
}
