using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContinuityScheduler.Testing;

namespace ContinuityScheduler.Api.Tests;

/// <summary>The demo that ./run.sh turns on: baby-home with a known key and the workshop's scenarios, ready to solve and compare.</summary>
public sealed class DemoTests
{
    [Fact]
    public async Task The_demo_has_baby_home_its_key_and_the_workshop_scenarios()
    {
        using var factory = new ApiFactory(new Dictionary<string, string>
        {
            ["ContinuityScheduler:Demo:Enabled"] = "true",
            ["ContinuityScheduler:Demo:ApiKey"] = "demo-key",
            ["ContinuityScheduler:Demo:ProblemFile"] = RepositoryRoot.Sample("baby-home"),
            ["ContinuityScheduler:Demo:ScenarioFolder"] = Path.Combine(RepositoryRoot.Path, "samples", "workshop"),
            ["ContinuityScheduler:Demo:SolveOnFirstStart"] = "false",
        });
        try
        {
            var client = factory.CreateClient();
            client.DefaultRequestHeaders.Add("X-Api-Key", "demo-key");
            var home = new Tenant("baby-home", client);
            (await home.GetJsonAsync("caregivers")).AsArray().Should().HaveCount(46);
            var scenarios = (await home.GetJsonAsync("scenarios")).AsArray().Select(s => (string)s!["id"]!);
            scenarios.Should().Equal("fixed-teams-8h", "long-days", "one-more-caregiver", "sleep-ins");
            (await client.GetFromJsonAsync<JsonArray>("/api/v1/institutions/baby-home/solve-jobs"))!.Should().BeEmpty("the first solve was switched off");
        }
        finally
        {
            factory.DeleteData();
        }
    }
}
