using System.Net;
using System.Text.Json.Nodes;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Scenarios;
using NodaTime.Text;

namespace ContinuityScheduler.Api.Tests;

/// <summary>Scenarios through the API: stored, solved as jobs on the institution's data, compared with the hospital way.</summary>
public sealed class ScenarioApiTests(SmallHomeFixture fixture) : IClassFixture<SmallHomeFixture>
{
    [Fact]
    public async Task A_scenario_is_solved_as_a_job_and_compared_with_the_hospital_way()
    {
        var home = fixture.Home;
        var put = await home.Client.PutAsync($"{home.Base}/scenarios/one-more", Tenant.Json("""{"name":"One more caregiver per group","changes":[{"kind":"add-caregivers","perGroupHours":37}]}"""));
        put.StatusCode.Should().Be(HttpStatusCode.Created, await put.Content.ReadAsStringAsync());
        (await home.GetJsonAsync("scenarios")).AsArray().Select(s => (string)s!["id"]!).Should().Contain("one-more");

        var started = await home.Client.PostAsync($"{home.Base}/scenarios/one-more/solve-jobs", Tenant.Json(new JsonObject
        {
            ["horizon"] = new JsonObject { ["start"] = "2026-11-30", ["weeks"] = 1 },
            ["timeLimitSeconds"] = 5,
        }));
        started.StatusCode.Should().Be(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        var job = await home.FinishedAsync(started.Headers.Location!.ToString());
        ((string)job["state"]!).Should().BeOneOf(["succeeded", "infeasible"], job.ToJsonString());
        var scenarioRota = (string)job["rotaId"]!;
        var scenarioProblem = ProblemReader.Read((await home.GetJsonAsync($"rotas/{scenarioRota}/problem")).ToJsonString()).Value!;
        scenarioProblem.CaregiversById.Should().ContainKey("extra-robin", "the job solved the changed home");

        var hospital = await home.Client.PostAsync($"{home.Base}/rotas/hospital-way", Tenant.Json("""{"horizon":{"start":"2026-11-30","weeks":1}}"""));
        hospital.StatusCode.Should().Be(HttpStatusCode.Created, await hospital.Content.ReadAsStringAsync());
        var hospitalRota = (string)JsonNode.Parse(await hospital.Content.ReadAsStringAsync())!["id"]!;

        var comparison = await home.GetJsonAsync($"rotas/comparison?ids={hospitalRota},{scenarioRota}");
        var columns = comparison["columns"]!.AsArray();
        columns.Select(c => (string?)c!["scenario"]).Should().Equal(null, "one-more");
        var rota = new Rota((await home.GetJsonAsync($"rotas/{scenarioRota}"))["shifts"]!.AsArray()
            .Select(s => new Assignment((string)s!["caregiverId"]!, LocalDatePattern.Iso.Parse((string)s["date"]!).Value, (string)s["demandId"]!)));
        var expected = RotaFigures.Of(scenarioProblem, rota, new CostRates());
        ((double)columns[1]!["figures"]!["continuity"]!["mean"]!).Should().BeApproximately(expected.Continuity.Mean, 1e-9);
        ((double)columns[1]!["figures"]!["cost"]!).Should().BeApproximately(expected.Cost, 1e-6);
        comparison["lines"]!.AsArray().Should().HaveCount(ComparisonRow.All.Count);
    }

    [Fact]
    public async Task An_import_replaces_master_data_but_keeps_the_scenarios()
    {
        var home = fixture.Home;
        (await home.Client.PutAsync($"{home.Base}/scenarios/kept", Tenant.Json("""{"name":"Kept","changes":[]}"""))).StatusCode.Should().Be(HttpStatusCode.Created);
        var imported = await home.Client.PostAsync($"{home.Base}/import", Tenant.Json(File.ReadAllText(ContinuityScheduler.Testing.RepositoryRoot.Sample("small-home"))));
        imported.StatusCode.Should().Be(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        (await home.GetJsonAsync("scenarios")).AsArray().Select(s => (string)s!["id"]!).Should().Contain("kept");
    }

    [Fact]
    public async Task A_bad_scenario_is_refused_with_its_path()
    {
        var response = await fixture.Home.Client.PutAsync($"{fixture.Home.Base}/scenarios/bad", Tenant.Json("""{"name":"x","changes":[{"kind":"core-team-target","target":99}]}"""));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("$.changes[0].target");
    }

    [Fact]
    public async Task Deleting_an_unknown_scenario_is_404_naming_it()
    {
        var response = await fixture.Home.Client.DeleteAsync($"{fixture.Home.Base}/scenarios/ghost");

        var problem = await ProblemDocument.ShouldBeAsync(response, 404);
        problem["errors"]!.AsArray().Select(e => (string)e!["path"]!).Should().Equal("$.scenarioId");
    }
}
