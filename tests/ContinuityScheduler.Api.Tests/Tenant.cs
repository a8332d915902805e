using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Testing;
using NodaTime.Text;

namespace ContinuityScheduler.Api.Tests;

/// <summary>An institution made through the admin API, with a client that sends its key.</summary>
public sealed record Tenant(string Id, HttpClient Client)
{
    public string Base => $"/api/v1/institutions/{Id}";

    /// <summary>Creates the institution of a sample (under another id when asked) and imports the whole sample.</summary>
    public static async Task<Tenant> FromSampleAsync(ApiFactory factory, string sample, string? id = null)
    {
        var document = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Sample(sample)))!.AsObject();
        id ??= (string)document["institution"]!["id"]!;
        document["institution"]!["id"] = id;
        var tenant = await CreateAsync(factory, document["institution"]!.AsObject());
        var imported = await tenant.Client.PostAsync($"{tenant.Base}/import", Json(document));
        imported.StatusCode.Should().Be(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        return tenant;
    }

    public static async Task<Tenant> CreateAsync(ApiFactory factory, JsonObject settings)
    {
        var admin = factory.Admin();
        var created = await admin.PostAsync("/api/v1/institutions", Json(settings));
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (string)settings["id"]!;
        var key = await admin.PostAsync($"/api/v1/institutions/{id}/api-keys", Json(new JsonObject { ["label"] = "tests" }));
        key.StatusCode.Should().Be(HttpStatusCode.Created);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", (string)(await key.Content.ReadFromJsonAsync<JsonObject>())!["key"]!);
        return new Tenant(id, client);
    }

    public static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    public static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        var response = await Client.GetAsync(path.StartsWith('/') ? path : $"{Base}/{path}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>Sets one labour rule of the institution's settings (its other rules stay) through the API.</summary>
    public async Task SetRuleAsync(string code, JsonObject rule)
    {
        var settings = (await GetJsonAsync(Base)).AsObject();
        settings["labourRules"]!["rules"]![code] = rule;
        var response = await Client.PutAsync(Base, Json(settings));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Makes the hospital-way rota of a horizon and returns its id.</summary>
    public async Task<string> HospitalWayAsync(string start, int weeks)
    {
        var response = await Client.PostAsync($"{Base}/rotas/hospital-way", Json(new JsonObject { ["horizon"] = new JsonObject { ["start"] = start, ["weeks"] = weeks } }));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
    }

    /// <summary>Starts a solve job and waits until it is finished (the condition, not a fixed time).</summary>
    public async Task<JsonNode> SolveAsync(string start, int weeks, int seconds)
    {
        var response = await Client.PostAsync($"{Base}/solve-jobs", Json(new JsonObject
        {
            ["horizon"] = new JsonObject { ["start"] = start, ["weeks"] = weeks },
            ["timeLimitSeconds"] = seconds,
        }));
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return await FinishedAsync(response.Headers.Location!.ToString());
    }

    /// <summary>A stored rota and the problem it was made for, read back through the API, to be judged by the domain's own validator.</summary>
    public async Task<(PlanningProblem Problem, Rota Rota)> RotaAndProblemAsync(string rotaId)
    {
        var problem = ProblemReader.Read((await GetJsonAsync($"rotas/{rotaId}/problem")).ToJsonString()).Value!;
        var view = await GetJsonAsync($"rotas/{rotaId}");
        var assignments = view["shifts"]!.AsArray().Select(s => new Assignment(
            (string)s!["caregiverId"]!, LocalDatePattern.Iso.Parse((string)s["date"]!).Value, (string)s["demandId"]!));
        return (problem, new Rota(assignments, (string)view["rota"]!["madeBy"]!));
    }

    /// <summary>The same institution and key through another service instance on the same store.</summary>
    public Tenant On(ApiFactory factory)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Client.DefaultRequestHeaders.GetValues("X-Api-Key").Single());
        return this with { Client = client };
    }

    /// <summary>Waits until the job has ended (the condition, not a fixed time) and returns it.</summary>
    public async Task<JsonNode> FinishedAsync(string jobPath, TimeSpan? limit = null) =>
        await Eventually.ValueAsync(async () => await GetJsonAsync(jobPath) is var job && Jobs.JobState.IsFinished((string)job["state"]!) ? job : null, limit ?? TimeSpan.FromMinutes(3));
}
