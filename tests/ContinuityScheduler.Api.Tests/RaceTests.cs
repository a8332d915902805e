using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ContinuityScheduler.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContinuityScheduler.Api.Tests;

/// <summary>Requests that race: whatever their order, one wins, the other is told so (never a 5xx), and the data stay whole.</summary>
public sealed class RaceTests(SmallHomeFixture fixture) : IClassFixture<SmallHomeFixture>
{
    [Fact]
    public async Task Two_publishes_of_one_week_at_once_leave_exactly_one_published_rota()
    {
        var home = fixture.Home;
        for (var round = 0; round < 10; round++)
        {
            // A week of its own each round, so every round starts with nothing published there.
            var monday = new NodaTime.LocalDate(2027, 1, 4).PlusWeeks(round);
            var start = Domain.Json.IsoText.Of(monday);
            var first = await home.HospitalWayAsync(start, 1);
            var second = await home.HospitalWayAsync(start, 1);

            var answers = await Task.WhenAll(
                home.Client.PostAsync($"{home.Base}/rotas/{first}/publish?confirm=true", null),
                home.Client.PostAsync($"{home.Base}/rotas/{second}/publish?confirm=true", null));

            answers.Select(a => (int)a.StatusCode).Should().OnlyContain(s => s == 200 || s == 412, "the loser is told the rota changed under it");
            answers.Should().Contain(a => a.StatusCode == HttpStatusCode.OK);
            var published = (await home.GetJsonAsync($"rotas?from={start}&to={start}&status=published")).AsArray();
            published.Should().ContainSingle($"round {round}: one published rota covers the week");
            using var scope = fixture.Factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SchedulerDb>();
            var dates = await db.PublishedDates.AsNoTracking().Where(d => d.InstitutionId == home.Id && d.Date.CompareTo(start) >= 0).ToListAsync();
            dates.Where(d => string.CompareOrdinal(d.Date, Domain.Json.IsoText.Of(monday.PlusDays(6))) <= 0)
                .Should().HaveCount(7).And.OnlyContain(d => d.RotaId == Guid.Parse((string)published[0]!["id"]!));
        }
    }

    [Fact]
    public async Task Two_changes_of_one_scenario_with_the_same_etag_keep_one_and_refuse_the_other_with_412()
    {
        var home = fixture.Home;
        for (var round = 0; round < 10; round++)
        {
            var id = $"race-{round}";
            var created = await home.Client.PutAsync($"{home.Base}/scenarios/{id}", Tenant.Json("""{"name":"Race","changes":[]}"""));
            created.StatusCode.Should().Be(HttpStatusCode.Created);
            var etag = created.Headers.ETag!;

            var answers = await Task.WhenAll(Put(home, id, etag, "First"), Put(home, id, etag, "Second"));

            answers.Select(a => (int)a.StatusCode).Should().BeEquivalentTo([200, 412], $"round {round}");
        }
    }

    [Fact]
    public async Task Creating_one_scenario_twice_at_once_creates_it_once_and_never_fails_with_500()
    {
        var home = fixture.Home;
        for (var round = 0; round < 10; round++)
        {
            var id = $"twice-{round}";

            var answers = await Task.WhenAll(Put(home, id, null, "A"), Put(home, id, null, "B"));

            var statuses = answers.Select(a => (int)a.StatusCode).ToList();
            statuses.Should().OnlyContain(s => s == 201 || s == 200 || s == 412, $"round {round}: {string.Join(", ", statuses)}");
            statuses.Count(s => s == 201).Should().Be(1);
            ((string)(await home.GetJsonAsync($"scenarios")).AsArray().Single(s => (string)s!["id"]! == id)!["name"]!).Should().BeOneOf("A", "B");
        }
    }

    private static Task<HttpResponseMessage> Put(Tenant home, string id, EntityTagHeaderValue? etag, string name)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"{home.Base}/scenarios/{id}") { Content = Tenant.Json(new JsonObject { ["name"] = name, ["changes"] = new JsonArray() }) };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(etag);
        }

        return home.Client.SendAsync(request);
    }
}
