using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task The_demo_publishes_the_workshop_year_once_and_its_history_shows_every_week()
    {
        var folder = ApiFactory.NewFolder();
        var settings = DemoSettings("baby-home");
        var first = new ApiFactory(folder, settings);
        try
        {
            var home = DemoTenant(first, "baby-home");
            (await PublishedAsync(home)).Should().Equal(Horizons(), "the year's thirteen horizons are published in order");
            var history = await home.GetJsonAsync("history");
            var weeks = history["published"]!["weeks"]!.AsArray();
            weeks.Should().HaveCount(13 * 4);
            ((string)weeks[0]!["start"]!).Should().Be("2026-11-30");
            history["hospitalWay"]!["weeks"]!.AsArray().Should().HaveCount(13 * 4);
            first.Dispose();

            using var second = new ApiFactory(folder, settings);
            (await PublishedAsync(DemoTenant(second, "baby-home"))).Should().Equal(Horizons(), "a second start imports nothing again");
            (await DemoTenant(second, "baby-home").GetJsonAsync("rotas")).AsArray().Should().HaveCount(13, "no draft or superseded copy either");
        }
        finally
        {
            first.Dispose();
            TestStore.Delete(folder);
        }
    }

    [Fact]
    public async Task After_the_year_the_demos_first_solve_is_the_next_horizon_with_the_years_last_weeks_as_history()
    {
        var settings = DemoSettings("baby-home");
        settings["ContinuityScheduler:Demo:SolveOnFirstStart"] = "true";
        settings["ContinuityScheduler:Jobs:Solve"] = "false"; // the job stays queued to be read
        using var factory = new ApiFactory(settings);
        try
        {
            using var scope = factory.Services.CreateScope();
            var job = await scope.ServiceProvider.GetRequiredService<SchedulerDb>().SolveJobs.SingleAsync();
            JsonNode.Parse(job.RequestJson)!["horizon"]!.ToJsonString().Should().Be("""{"start":"2027-11-29","weeks":4}""");
            var history = JsonNode.Parse(job.ProblemJson)!["history"]!["shifts"]!.AsArray().Select(s => (string)s!["date"]!).ToList();
            history.Max(StringComparer.Ordinal).Should().Be("2027-11-28", "the year's last published day is the history's");
            ((string)JsonNode.Parse(job.ProblemJson)!["horizon"]!["start"]!).Should().Be("2027-11-29");
        }
        finally
        {
            factory.DeleteData();
        }
    }

    [Fact]
    public async Task The_comparison_gives_each_rota_its_year_over_the_published_rotas_up_to_its_horizons_end()
    {
        using var factory = new ApiFactory(DemoSettings("baby-home"));
        try
        {
            var home = DemoTenant(factory, "baby-home");
            var last = (await home.GetJsonAsync("rotas?status=published")).AsArray().Single(r => (string)r!["horizonStart"]! == "2027-11-01")!;
            var made = await home.Client.PostAsync($"{home.Base}/rotas/hospital-way", Tenant.Json("""{"horizon":{"start":"2027-11-29","weeks":4}}"""));
            made.StatusCode.Should().Be(System.Net.HttpStatusCode.Created, await made.Content.ReadAsStringAsync());
            var next = JsonNode.Parse(await made.Content.ReadAsStringAsync())!;

            var columns = (await home.GetJsonAsync($"rotas/comparison?ids={last["id"]},{next["id"]}"))["columns"]!.AsArray();

            // The last published horizon's year is the home's history of that year: the rota is already in it.
            var history = await home.GetJsonAsync("history?from=2026-11-29&to=2027-11-28");
            var year = columns[0]!["year"]!;
            ((string)year["from"]!, (string)year["to"]!).Should().Be(("2026-11-30", "2027-11-28"), "the first and last days a rota speaks for");
            foreach (var side in new[] { "published", "hospitalWay" })
            {
                var children = history[side]!["children"]!.AsArray();
                ((double)year[side]!["meanDistinct"]!).Should().BeApproximately(children.Average(c => (int)c!["distinct"]!), 1e-9, side);
                ((int)year[side]!["maxDistinct"]!).Should().Be(children.Max(c => (int)c!["distinct"]!), side);
                ((double)year[side]!["meanDistinctPerWeek"]!).Should().BeApproximately(history[side]!["weeks"]!.AsArray().Average(w => (double)w!["meanDistinct"]!), 1e-9, side);
            }

            // The next horizon's draft comes after the year: the published rotas reaching into its year, and itself.
            var after = columns[1]!["year"]!;
            ((string)after["from"]!, (string)after["to"]!, (int)after["rotas"]!).Should().Be(("2026-12-27", "2027-12-26", 14));
        }
        finally
        {
            factory.DeleteData();
        }
    }

    [Fact]
    public async Task A_demo_whose_data_the_year_does_not_fit_publishes_none_of_it()
    {
        using var factory = new ApiFactory(DemoSettings("small-home"));
        try
        {
            var home = DemoTenant(factory, "small-home");
            (await home.GetJsonAsync("caregivers")).AsArray().Should().NotBeEmpty("the demo itself loads");
            (await home.GetJsonAsync("rotas")).AsArray().Should().BeEmpty("baby-home's rotas name demands small-home does not have");
        }
        finally
        {
            factory.DeleteData();
        }
    }

    private static Dictionary<string, string> DemoSettings(string sample) => new()
    {
        ["ContinuityScheduler:Demo:Enabled"] = "true",
        ["ContinuityScheduler:Demo:ApiKey"] = "demo-key",
        ["ContinuityScheduler:Demo:ProblemFile"] = RepositoryRoot.Sample(sample),
        ["ContinuityScheduler:Demo:ScenarioFolder"] = Path.Combine(RepositoryRoot.Path, "samples", "workshop"),
        ["ContinuityScheduler:Demo:HistoryFile"] = Path.Combine(RepositoryRoot.Path, "samples", "workshop", "history", "baby-home-year.json"),
        ["ContinuityScheduler:Demo:SolveOnFirstStart"] = "false",
    };

    private static Tenant DemoTenant(ApiFactory factory, string id)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "demo-key");
        return new Tenant(id, client);
    }

    private static async Task<List<string>> PublishedAsync(Tenant home) =>
        [.. (await home.GetJsonAsync("rotas?status=published")).AsArray().Select(r => (string)r!["horizonStart"]!)];

    /// <summary>The year's horizons as the history file lists them: four weeks each from 2026-11-30.</summary>
    private static List<string> Horizons() =>
        [.. Enumerable.Range(0, 13).Select(i => new NodaTime.LocalDate(2026, 11, 30).PlusWeeks(4 * i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))];
}
