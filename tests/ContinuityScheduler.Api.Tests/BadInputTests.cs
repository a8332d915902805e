using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace ContinuityScheduler.Api.Tests;

public sealed class SmallHomeFixture : IAsyncLifetime
{
    public ApiFactory Factory { get; } = new();

    public Tenant Home { get; private set; } = null!;

    public string RotaId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Home = await Tenant.FromSampleAsync(Factory, "small-home");
        // The hospital-way rota needs no solver, so the fixture stands however loaded the machine is.
        RotaId = await Home.HospitalWayAsync("2026-11-30", weeks: 1);
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        Factory.DeleteData();
        return Task.CompletedTask;
    }
}

/// <summary>A corpus of bad requests: each gets a 4xx problem document naming the field, never a 5xx, and the data stay as they were.</summary>
public sealed class BadInputTests(SmallHomeFixture fixture) : IClassFixture<SmallHomeFixture>
{
    private const string Caregiver = """{"name":"X","contract":{"hoursPerWeek":30}}""";

    public static TheoryData<string, string, string?, string?, int, string?> Corpus() => new()
    {
        // method, path under the institution, content type, body, status, a JSON path the errors must name
        { "PUT", "caregivers/cg-099", "application/json", """{"name": "X", """, 400, "$" },
        { "PUT", "caregivers/cg-099", "application/json", """{"name":"X","contract":{"hoursPerWeek":"many"}}""", 400, "$.contract.hoursPerWeek" },
        { "PUT", "caregivers/cg-099", "application/json", """{"name":"X","contract":{"hoursPerWeek":-3}}""", 400, "$.contract.hoursPerWeek" },
        { "PUT", "caregivers/cg-099", "application/json", """{"name":"X","contract":{"hoursPerweek":30}}""", 400, "$.contract.hoursPerweek" },
        { "PUT", "caregivers/cg-099", "application/json", """{"name":"X","contract":{"hoursPerWeek":30},"allowedGroups":["nowhere"]}""", 400, "$.allowedGroups[0]" },
        { "PUT", "caregivers/cg-099", "application/json", """{"id":"cg-100","name":"X","contract":{"hoursPerWeek":30}}""", 400, "$.id" },
        { "PUT", "caregivers/cg-099", "application/json", """{"name":"X","contract":{"hoursPerWeek":30},"absences":[]}""", 400, "$.absences" },
        { "PUT", "caregivers/cg-099", "application/json", "[1,2]", 400, "$" },
        { "PUT", "caregivers/cg-099", "text/plain", Caregiver, 415, null },
        { "PUT", "caregivers/cg-099", "application/json", null, 413, null },
        { "PUT", "demands/robin-X", "application/json", """{"groupIds":["nowhere"],"shiftType":"Q"}""", 400, "$.groupIds[0]" },
        { "PUT", "absences/a-1", "application/json", """{"caregiverId":"cg-001","kind":"leave","from":"2026-13-01","to":"2026-12-02"}""", 400, "$.from" },
        { "PUT", "absences/a-1", "application/json", """{"caregiverId":"cg-001","kind":"leave","from":"2026-12-05","to":"2026-12-02"}""", 400, null },
        { "PUT", "absences/a-1", "application/json", """{"caregiverId":"nobody","kind":"leave","from":"2026-12-01","to":"2026-12-02"}""", 400, "$.caregiverId" },
        { "PUT", "wishes/w-1", "application/json", """{"caregiverId":"cg-001","wanted":true,"date":"2026-12-01","weekday":"monday"}""", 400, null },
        { "PUT", "children/ch-099", "application/json", """{"birthDate":"yesterday","memberships":[{"groupId":"robin","from":"2025-01-01"}]}""", 400, "$.birthDate" },
        { "PUT", "shift-types/Z", "application/json", """{"name":"Z","start":"25:00","end":"08:00","kind":"day"}""", 400, "$.start" },
        { "PUT", "", "application/json", """{"timeZone":"Mars/Olympus"}""", 400, "$.timeZone" },
        { "DELETE", "groups/robin", null, null, 409, null },
        { "DELETE", "shift-types/E", null, null, 409, null },
        { "POST", "import", "application/json", """{"institution":{"id":"small-home","timeZone":"Europe/Copenhagen"},"horizon":{"start":"2026-12-01","weeks":1}}""", 400, "$.horizon.start" },
        { "POST", "import", "application/json", """{"institution":{"id":"other","timeZone":"Europe/Copenhagen"},"horizon":{"start":"2026-11-30","weeks":1},"shiftTypes":[],"groups":[],"caregivers":[],"demands":[]}""", 400, "$.institution.id" },
        { "POST", "solve-jobs", "application/json", """{"horizon":{"start":"2026-12-01","weeks":1}}""", 400, "$.horizon.start" },
        { "POST", "solve-jobs", "application/json", """{"horizon":{"start":"2026-11-30","weeks":1},"timeLimitSeconds":-1}""", 400, "$.timeLimitSeconds" },
        { "POST", "solve-jobs", "application/json", """{"horizon":{"start":"2026-11-30","weeks":1},"pins":[{"kind":"require","caregiverId":"nobody","date":"2026-11-30","demandId":"robin-E"}]}""", 400, "$.pins[0].caregiverId" },
        { "POST", "solve-jobs", "application/json", """{"horizon":{"start":"2026-11-30","weeks":1},"speed":"fast"}""", 400, "$.speed" },
        { "POST", "solve-jobs", "application/json", """{}""", 400, "$.horizon" },
        { "POST", "rotas/{rota}/repair", "application/json", """{"caregiverId":"nobody","from":"2026-12-01"}""", 400, "$.caregiverId" },
        { "POST", "rotas/{rota}/repair", "application/json", """{"caregiverId":"cg-001","from":"2027-12-01"}""", 400, "$.from" },
        { "GET", "rotas?from=soon", null, null, 400, "$.from" },
        { "POST", "rotas", "application/json", """{"horizon":{"start":"2026-11-30","weeks":1},"assignments":[{"caregiverId":"cg-001","date":"2026-11-30","demandId":"nope"}]}""", 400, "$.assignments[0].demandId" },
        { "POST", "rotas", "application/json", """{"horizon":{"start":"2026-11-30","weeks":1}}""", 400, "$.assignments" },
        { "POST", "rotas/hospital-way", "application/json", """{"horizon":{"start":"2026-11-30","weeks":1},"extra":1}""", 400, "$.extra" },
        { "GET", "rotas/not-a-guid", null, null, 404, null },
        { "GET", "rotas/00000000-0000-0000-0000-000000000001", null, null, 404, null },
        { "GET", "groups/nowhere", null, null, 404, null },
        { "PATCH", "groups/robin", "application/json", "{}", 405, null },
        { "POST", "/api/v1/validate", "application/json", """{"problem":{"institution":{}},"rota":{"assignments":[]}}""", 400, "$.problem.institution.id" },
        { "POST", "/api/v1/score", "application/json", """{"problem":5}""", 400, "$.problem" },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Bad_input_gets_a_problem_document_and_changes_nothing(string method, string path, string? contentType, string? body, int status, string? errorPath)
    {
        var home = fixture.Home;
        var before = await Snapshot.OfAsync(home);
        var url = path.StartsWith('/') ? path : $"{home.Base}/{path.Replace("{rota}", fixture.RotaId)}".TrimEnd('/');
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (contentType is not null)
        {
            // A null body with a content type is the huge one: more than the 1 MiB the tests allow.
            body ??= "{\"name\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";
            request.Content = new StringContent(body, Encoding.UTF8, contentType);
        }

        var response = await home.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        ((int)response.StatusCode).Should().Be(status, text);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json", text);
        var problem = JsonNode.Parse(text)!;
        ((int)problem["status"]!).Should().Be(status);
        ((string?)problem["title"]).Should().NotBeNullOrEmpty();
        if (errorPath is not null)
        {
            problem["errors"]!.AsArray().Select(e => (string)e!["path"]!).Should().Contain(errorPath, text);
            problem["errors"]!.AsArray().Should().OnlyContain(e => !string.IsNullOrEmpty((string?)e!["reason"]));
        }

        (await Snapshot.OfAsync(home)).Should().Be(before);
    }

    [Fact]
    public async Task Missing_or_unknown_keys_get_401_problems()
    {
        var anonymous = fixture.Factory.CreateClient();
        foreach (var key in new[] { null, "cs_not-a-key" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"{fixture.Home.Base}/caregivers");
            if (key is not null)
            {
                request.Headers.Add("X-Api-Key", key);
            }

            var response = await anonymous.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        }
    }
}
