using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ContinuityScheduler.Testing;
using CsvHelper;

namespace ContinuityScheduler.Api.Tests;

/// <summary>
/// What one hostile or careless caller must not achieve: run script in the page, frame it, exhaust the service with
/// requests under one key or with made-up keys, smuggle text into exports, read a calendar after its address is revoked,
/// or make the real server answer a body past its limit with anything but a problem document.
/// </summary>
public sealed class HardeningTests
{
    [Fact]
    public async Task Every_answer_carries_the_security_headers_and_the_page_allows_only_its_own_scripts()
    {
        using var factory = new ApiFactory();
        var client = factory.CreateClient();
        foreach (var path in new[] { "/", "/api/v1/institutions/nobody/rotas", "/health" })
        {
            var response = await client.GetAsync(path);
            response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
            response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
            response.Headers.GetValues("Referrer-Policy").Should().Equal("no-referrer");
            var policy = response.Headers.GetValues("Content-Security-Policy").Single();
            policy.Should().Contain("script-src 'self';").And.Contain("frame-ancestors 'none'").And.NotContain("unsafe-eval");
            policy.Split(';').Single(p => p.Trim().StartsWith("script-src", StringComparison.Ordinal)).Should().NotContain("unsafe-inline");
        }

        var page = await client.GetStringAsync("/");
        page.Should().NotMatchRegex("<script(?![^>]*\\ssrc=)[^>]*>", "the policy forbids inline script, so the page has none");
    }

    [Fact]
    public async Task A_key_past_its_budget_gets_429_with_retry_after_and_other_keys_go_on()
    {
        using var factory = new ApiFactory(new Dictionary<string, string> { ["ContinuityScheduler:RequestsPerMinute"] = "5" });
        var first = await Tenant.CreateAsync(factory, new JsonObject { ["id"] = "first-home", ["timeZone"] = "Europe/Copenhagen" });
        var second = await Tenant.CreateAsync(factory, new JsonObject { ["id"] = "second-home", ["timeZone"] = "Europe/Copenhagen" });

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 20; i++)
        {
            answers.Add(await first.Client.GetAsync($"{first.Base}/groups"));
        }

        answers.Take(5).Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        var refused = answers.Skip(5).Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        refused.Should().NotBeEmpty("15 more requests within a second exceed any one window's 5");
        foreach (var response in refused)
        {
            response.Headers.RetryAfter!.Delta.Should().BePositive();
            await ProblemDocument.ShouldBeAsync(response, 429);
        }

        (await second.Client.GetAsync($"{second.Base}/groups")).StatusCode.Should().Be(HttpStatusCode.OK, "another key has its own budget");
    }

    [Fact]
    public async Task Made_up_keys_do_not_multiply_an_addresses_budget()
    {
        using var factory = new ApiFactory(new Dictionary<string, string> { ["ContinuityScheduler:RequestsPerMinutePerAddress"] = "10" });
        var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/institutions/some-home/groups");
            request.Headers.Add("X-Api-Key", Guid.NewGuid().ToString("N"));
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }

        statuses.Count(s => s == HttpStatusCode.TooManyRequests).Should().BeGreaterThanOrEqualTo(10, "30 requests from one address within a second exceed its 10 whatever keys they carry");
        statuses.Should().OnlyContain(s => s == HttpStatusCode.Unauthorized || s == HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_calendar_feed_address_works_without_a_key_until_it_is_replaced_or_revoked()
    {
        using var factory = new ApiFactory();
        var home = await Tenant.FromSampleAsync(factory, "small-home");
        var rotaId = await home.HospitalWayAsync("2026-11-30", 1);
        (await home.Client.PostAsync($"{home.Base}/rotas/{rotaId}/publish?confirm=true", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var caregiverId = (string)(await home.GetJsonAsync("caregivers")).AsArray()[0]!["id"]!;
        var anonymous = factory.CreateClient();

        var made = await home.Client.PostAsync($"{home.Base}/caregivers/{caregiverId}/calendar-feed", null);
        made.StatusCode.Should().Be(HttpStatusCode.Created);
        var url = (string)JsonNode.Parse(await made.Content.ReadAsStringAsync())!["url"]!;
        made.Headers.Location!.ToString().Should().Be(url);
        var feed = await anonymous.GetAsync(url);
        feed.StatusCode.Should().Be(HttpStatusCode.OK);
        feed.Content.Headers.ContentType!.MediaType.Should().Be("text/calendar");
        var calendar = await home.Client.GetStringAsync($"{home.Base}/caregivers/{caregiverId}/calendar.ics");
        ICalendarText.Parse(await feed.Content.ReadAsStringAsync()).Select(e => e["UID"]).Should().Equal(ICalendarText.Parse(calendar).Select(e => e["UID"]));
        url.Should().NotContain(home.Client.DefaultRequestHeaders.GetValues("X-Api-Key").Single(), "the feed address is never the API key");

        var replaced = await home.Client.PostAsync($"{home.Base}/caregivers/{caregiverId}/calendar-feed", null);
        var newUrl = (string)JsonNode.Parse(await replaced.Content.ReadAsStringAsync())!["url"]!;
        newUrl.Should().NotBe(url);
        await ProblemDocument.ShouldBeAsync(await anonymous.GetAsync(url), 404);
        (await anonymous.GetAsync(newUrl)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await home.Client.DeleteAsync($"{home.Base}/caregivers/{caregiverId}/calendar-feed")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await ProblemDocument.ShouldBeAsync(await anonymous.GetAsync(newUrl), 404);
        await ProblemDocument.ShouldBeAsync(await home.Client.DeleteAsync($"{home.Base}/caregivers/{caregiverId}/calendar-feed"), 404);
        await ProblemDocument.ShouldBeAsync(await home.Client.PostAsync($"{home.Base}/caregivers/nobody/calendar-feed", null), 404);
    }

    [Fact]
    public async Task Names_reach_the_calendar_escaped_and_the_payroll_without_a_formula()
    {
        using var factory = new ApiFactory();
        var document = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Sample("small-home")))!.AsObject();
        var group = document["groups"]![0]!.AsObject();
        group["name"] = "Robin; \"Nest\", A\\B";
        var caregiver = document["caregivers"]![0]!.AsObject();
        caregiver["externalId"] = "=HYPERLINK(\"http://example.com\")";
        var home = await Tenant.CreateAsync(factory, document["institution"]!.AsObject());
        (await home.Client.PostAsync($"{home.Base}/import", Tenant.Json(document))).StatusCode.Should().Be(HttpStatusCode.OK);
        var rotaId = await home.HospitalWayAsync("2026-11-30", 1);
        (await home.Client.PostAsync($"{home.Base}/rotas/{rotaId}/publish?confirm=true", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var rota = await home.GetJsonAsync($"rotas/{rotaId}");
        var inGroup = rota["shifts"]!.AsArray().First(s => s!["groupIds"]!.AsArray().Any(g => (string)g! == (string)group["id"]!))!;

        var calendar = await home.Client.GetStringAsync($"{home.Base}/caregivers/{(string)inGroup["caregiverId"]!}/calendar.ics");
        var summaries = ICalendarText.Parse(calendar).Select(e => e["SUMMARY"]).ToList();
        summaries.Should().Contain(s => s.Contains("Robin\\; \"Nest\"\\, A\\\\B", StringComparison.Ordinal), "RFC 5545 escapes ; , and \\ in text");

        var payroll = await home.Client.GetStringAsync($"{home.Base}/rotas/{rotaId}/payroll.csv");
        using var reader = CsvReader.FromText(payroll, new CsvReaderOptions());
        var externalIds = new List<string>();
        while (reader.Read())
        {
            externalIds.Add(reader.GetString("externalId"));
        }

        externalIds.Should().NotContain(id => id.StartsWith('='), "a spreadsheet would run it").And.Contain("'=HYPERLINK(\"http://example.com\")");
    }

    [Fact]
    public async Task The_real_server_answers_a_chunked_body_past_its_limit_with_a_413_problem()
    {
        var folder = ApiFactory.NewFolder();
        try
        {
            using var service = await ServiceProcess.StartAsync(folder, new Dictionary<string, string> { ["ContinuityScheduler__MaxRequestBodyBytes"] = "4096" });
            using var client = service.Client(await service.CreateInstitutionAsync());
            var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($"{{\"problem\":\"{new string('x', 100_000)}\"}}")));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/validate") { Content = content };
            request.Headers.TransferEncodingChunked = true;

            var response = await client.SendAsync(request);

            await ProblemDocument.ShouldBeAsync(response, 413);
        }
        finally
        {
            TestStore.Delete(folder);
        }
    }
}
