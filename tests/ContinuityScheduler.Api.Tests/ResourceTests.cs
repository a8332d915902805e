using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContinuityScheduler.Api.Contracts;
using ContinuityScheduler.Api.MasterData;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Testing;

namespace ContinuityScheduler.Api.Tests;

/// <summary>Master data by the HR system's own ids: idempotent upserts, ETags, references kept, and bodies that match the documented contract.</summary>
public sealed class ResourceTests(SmallHomeFixture fixture) : IClassFixture<SmallHomeFixture>
{
    private Tenant Home => fixture.Home;

    [Fact]
    public async Task A_put_creates_then_replaces_idempotently_and_a_stale_if_match_is_refused()
    {
        var body = Tenant.Json("""{"externalId":"HR-77","name":"Nina N.","contract":{"hoursPerWeek":30,"employmentType":"relief"},"skills":["infant"],"allowedGroups":["robin"]}""");
        var created = await Home.Client.PutAsync($"{Home.Base}/caregivers/cg-077", body);
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        created.Headers.Location!.ToString().Should().EndWith("/caregivers/cg-077");
        var etag = created.Headers.ETag!;

        var again = await Home.Client.PutAsync($"{Home.Base}/caregivers/cg-077", Tenant.Json("""{"externalId":"HR-77","name":"Nina N.","contract":{"hoursPerWeek":30,"employmentType":"relief"},"skills":["infant"],"allowedGroups":["robin"]}"""));
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        again.Headers.ETag.Should().Be(etag, "the same body changes nothing");

        var changed = new HttpRequestMessage(HttpMethod.Put, $"{Home.Base}/caregivers/cg-077") { Content = Tenant.Json("""{"name":"Nina N.","contract":{"hoursPerWeek":24}}""") };
        changed.Headers.IfMatch.Add(etag);
        var replaced = await Home.Client.SendAsync(changed);
        replaced.StatusCode.Should().Be(HttpStatusCode.OK);
        replaced.Headers.ETag.Should().NotBe(etag);

        var stale = new HttpRequestMessage(HttpMethod.Put, $"{Home.Base}/caregivers/cg-077") { Content = Tenant.Json("""{"name":"Nina","contract":{"hoursPerWeek":20}}""") };
        stale.Headers.IfMatch.Add(etag);
        (await Home.Client.SendAsync(stale)).StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        ((double)(await Home.GetJsonAsync("caregivers/cg-077"))["contract"]!["hoursPerWeek"]!).Should().Be(24);

        var delete = new HttpRequestMessage(HttpMethod.Delete, $"{Home.Base}/caregivers/cg-077");
        delete.Headers.IfMatch.Add(replaced.Headers.ETag!);
        (await Home.Client.SendAsync(delete)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Home.Client.GetAsync($"{Home.Base}/caregivers/cg-077")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_create_only_put_refuses_an_id_that_exists_and_keeps_the_stored_item()
    {
        var first = new HttpRequestMessage(HttpMethod.Put, $"{Home.Base}/caregivers/cg-078") { Content = Tenant.Json("""{"name":"First","contract":{"hoursPerWeek":30}}""") };
        first.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any);
        (await Home.Client.SendAsync(first)).StatusCode.Should().Be(HttpStatusCode.Created);

        var second = new HttpRequestMessage(HttpMethod.Put, $"{Home.Base}/caregivers/cg-078") { Content = Tenant.Json("""{"name":"Second","contract":{"hoursPerWeek":20}}""") };
        second.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any);
        var refused = await Home.Client.SendAsync(second);
        refused.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        ((string)(await Home.GetJsonAsync("caregivers/cg-078"))["name"]!).Should().Be("First");

        (await Home.Client.DeleteAsync($"{Home.Base}/caregivers/cg-078")).StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Absences_are_items_of_their_own_that_reach_the_solver_and_go_with_their_caregiver()
    {
        (await Home.Client.PutAsync($"{Home.Base}/caregivers/cg-078", Tenant.Json("""{"name":"Ola","contract":{"hoursPerWeek":10}}"""))).StatusCode.Should().Be(HttpStatusCode.Created);
        var absence = await Home.Client.PutAsync($"{Home.Base}/absences/ola-sick", Tenant.Json("""{"caregiverId":"cg-078","kind":"sickness","from":"2026-12-01","to":"2026-12-03"}"""));
        absence.StatusCode.Should().Be(HttpStatusCode.Created, await absence.Content.ReadAsStringAsync());
        var stored = await Home.GetJsonAsync("absences/ola-sick");
        ((string)stored["caregiverId"]!).Should().Be("cg-078");

        (await Home.Client.DeleteAsync($"{Home.Base}/caregivers/cg-078")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Home.Client.GetAsync($"{Home.Base}/absences/ola-sick")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deleting_a_group_still_named_by_demands_is_a_conflict_that_names_them()
    {
        var response = await Home.Client.DeleteAsync($"{Home.Base}/groups/wren");
        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        problem["errors"]!.AsArray().Select(e => (string?)e!["resource"]).Should().Contain(r => r != null && r.StartsWith("demands/wren", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_item_the_api_returns_matches_its_documented_schema()
    {
        var strict = new JsonSerializerOptions(JsonDefaults.Options) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow, RespectRequiredConstructorParameters = true };
        var schemas = new Dictionary<ResourceKind, Type>
        {
            [ResourceKind.ShiftType] = typeof(ShiftTypeBody),
            [ResourceKind.Group] = typeof(GroupBody),
            [ResourceKind.Child] = typeof(ChildBody),
            [ResourceKind.Caregiver] = typeof(CaregiverBody),
            [ResourceKind.Absence] = typeof(AbsenceBody),
            [ResourceKind.Wish] = typeof(WishBody),
            [ResourceKind.Demand] = typeof(DemandBody),
        };
        foreach (var (kind, type) in schemas)
        {
            var items = (await Home.GetJsonAsync(kind.Collection)).AsArray();
            items.Should().NotBeEmpty($"small-home has {kind.Collection}");
            foreach (var item in items)
            {
                var act = () => JsonSerializer.Deserialize(item!.ToJsonString(), type, strict);
                act.Should().NotThrow($"{kind.Collection} item {item!.ToJsonString()} matches {type.Name}");
            }
        }

        JsonSerializer.Deserialize<InstitutionBody>((await Home.GetJsonAsync(Home.Base)).ToJsonString(), strict).Should().NotBeNull();
        JsonSerializer.Deserialize<PlanningProblemBody>((await Home.GetJsonAsync($"rotas/{fixture.RotaId}/problem")).ToJsonString(), strict).Should().NotBeNull();
        JsonSerializer.Deserialize<PlanningProblemBody>(File.ReadAllText(RepositoryRoot.Sample("baby-home")), strict).Should().NotBeNull();
    }

    [Fact]
    public async Task Stateless_validate_and_score_answer_as_the_domain_does()
    {
        var sample = File.ReadAllText(RepositoryRoot.Sample("small-home"));
        var problem = ProblemReader.Read(sample).Value!;
        var rota = Domain.Baseline.HospitalWay.Generate(problem);
        var body = new JsonObject { ["problem"] = JsonNode.Parse(sample), ["rota"] = JsonNode.Parse(DocumentWriter.Write(rota)) };

        var validated = await Home.GetFromPostAsync("/api/v1/validate", body);
        var expected = RotaValidator.Validate(problem, rota);
        ((int)validated["hardCount"]!).Should().Be(expected.HardCount);
        ((int)validated["softCount"]!).Should().Be(expected.SoftCount);
        validated["violations"]!.AsArray().Select(v => (string)v!["code"]!).Should().Equal(expected.Violations.Select(v => v.Code));

        var scored = await Home.GetFromPostAsync("/api/v1/score", body);
        var score = Domain.Scoring.ContinuityScorer.Score(problem, rota);
        ((double)scored["institution"]!["mean"]!).Should().BeApproximately(score.Institution.Mean, 1e-9);
        scored["children"]!.AsArray().Select(c => (string)c!["childId"]!).Should().Equal(score.Children.Select(c => c.ChildId));
    }
}

public sealed class RotaUploadTests(SmallHomeFixture fixture) : IClassFixture<SmallHomeFixture>
{
    [Fact]
    public async Task The_hospital_way_and_an_uploaded_rota_are_stored_as_drafts_and_judged_like_any_rota()
    {
        var home = fixture.Home;
        var horizon = new JsonObject { ["start"] = "2026-11-30", ["weeks"] = 1 };
        var made = await home.Client.PostAsync($"{home.Base}/rotas/hospital-way", Tenant.Json(new JsonObject { ["horizon"] = horizon.DeepClone() }));
        made.StatusCode.Should().Be(HttpStatusCode.Created, await made.Content.ReadAsStringAsync());
        var rotaId = (string)JsonNode.Parse(await made.Content.ReadAsStringAsync())!["id"]!;
        var problem = ProblemReader.Read((await home.GetJsonAsync($"rotas/{rotaId}/problem")).ToJsonString()).Value!;
        var expected = Domain.Baseline.HospitalWay.Generate(problem);
        var continuity = await home.GetJsonAsync($"rotas/{rotaId}/continuity");
        ((double)continuity["institution"]!["mean"]!).Should().BeApproximately(Domain.Scoring.ContinuityScorer.Score(problem, expected).Institution.Mean, 1e-9);

        // The same assignments uploaded as a manager's rota score the same.
        var upload = new JsonObject
        {
            ["horizon"] = horizon.DeepClone(),
            ["madeBy"] = "manager",
            ["assignments"] = JsonNode.Parse(DocumentWriter.Write(expected))!["assignments"]!.DeepClone(),
        };
        var uploaded = await home.Client.PostAsync($"{home.Base}/rotas", Tenant.Json(upload));
        uploaded.StatusCode.Should().Be(HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
        var uploadedId = (string)JsonNode.Parse(await uploaded.Content.ReadAsStringAsync())!["id"]!;
        ((string)(await home.GetJsonAsync($"rotas/{uploadedId}"))["rota"]!["madeBy"]!).Should().Be("manager");
        ((double)(await home.GetJsonAsync($"rotas/{uploadedId}/continuity"))["institution"]!["mean"]!).Should().Be((double)continuity["institution"]!["mean"]!);
    }
}

internal static class TenantPosts
{
    public static async Task<JsonNode> GetFromPostAsync(this Tenant tenant, string path, JsonNode body)
    {
        var response = await tenant.Client.PostAsync(path, Tenant.Json(body));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType.Should().BeEquivalentTo(new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" });
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
