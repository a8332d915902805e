using System.Text.Json.Nodes;
using ContinuityScheduler.Api.Contracts;
using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Api.Http;
using ContinuityScheduler.Api.Jobs;
using ContinuityScheduler.Api.OpenApi;
using ContinuityScheduler.Api.Rotas;
using ContinuityScheduler.Api.Security;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Scenarios;
using ContinuityScheduler.Domain.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ContinuityScheduler.Api.Scenarios;

/// <summary>Scenarios of the institution's own data (another shift pattern, one more caregiver, …), solved as jobs and compared side by side.</summary>
public static class ScenarioEndpoints
{
    public const string Kind = "scenario";

    public static void MapScenarios(this RouteGroupBuilder institution)
    {
        var group = institution.MapGroup("/scenarios").WithTags("Scenarios");

        group.MapGet("/", async (HttpContext context, SchedulerDb db, CancellationToken cancellation) =>
        {
            var id = Caller.Institution(context).Id;
            var rows = await db.Resources.AsNoTracking().Where(r => r.InstitutionId == id && r.Kind == Kind).OrderBy(r => r.Key).ToListAsync(cancellation);
            return TypedResults.Ok(new JsonArray([.. rows.Select(r => (JsonNode)WithId(r))]));
        })
        .WithSummary("Lists the institution's scenarios.")
        .Produces<List<ScenarioBody>>();

        group.MapPut("/{scenarioId}", PutAsync)
        .WithSummary("Creates or replaces a scenario: named changes to the institution's data (docs/scenarios.md). Checked against the data when solved.")
        .Accepts<ScenarioBody>("application/json")
        .Produces<ScenarioBody>()
        .Produces<ScenarioBody>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .WithMetadata(new ExampleBody(JsonNode.Parse("""{"name":"One more caregiver per group","changes":[{"kind":"add-caregivers","perGroupHours":37}]}""")!));

        group.MapDelete("/{scenarioId}", async (string scenarioId, HttpContext context, SchedulerDb db, CancellationToken cancellation) =>
        {
            var id = Caller.Institution(context).Id;
            var deleted = await db.Resources.Where(r => r.InstitutionId == id && r.Kind == Kind && r.Key == scenarioId).ExecuteDeleteAsync(cancellation);
            return deleted == 0 ? ScenarioProblem.NotFound(scenarioId) : TypedResults.NoContent();
        })
        .WithSummary("Deletes a scenario; rotas solved for it stay.")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{scenarioId}/solve-jobs", SolveAsync)
        .WithSummary("Solves a scenario for a horizon as a job (202 + Location): the institution's data, changed by the scenario.")
        .Accepts<SolveRequest>("application/json")
        .Produces<SolveJobView>(StatusCodes.Status202Accepted)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .WithMetadata(new ExampleBody(new SolveRequest(new HorizonBody("2026-11-30", 4), 120, null, null, null)));

        institution.MapGet("/rotas/comparison", async (string? ids, HttpContext context, SchedulerDb db, IMemoryCache cache, CancellationToken cancellation) =>
        {
            var parsed = (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(i => (Text: i, Ok: Guid.TryParse(i, out var g), Id: g)).ToList();
            if (parsed.Count == 0 || parsed.Any(p => !p.Ok))
            {
                return (IResult)Problems.Invalid("$.ids", "Give the rotas to compare as ids=<guid>,<guid>,….");
            }

            var institutionId = Caller.Institution(context).Id;
            var wanted = parsed.Select(p => p.Id).ToList();
            var records = await db.Rotas.AsNoTracking().Where(r => r.InstitutionId == institutionId && wanted.Contains(r.Id)).ToListAsync(cancellation);
            var missing = wanted.Except(records.Select(r => r.Id)).ToList();
            if (missing.Count > 0)
            {
                return Problems.NotFound($"rota '{missing[0]}'");
            }

            var jobIds = records.Select(r => r.JobId).OfType<Guid>().ToList();
            var scenarios = (await db.SolveJobs.AsNoTracking().Where(j => j.InstitutionId == institutionId && jobIds.Contains(j.Id)).Select(j => new { j.Id, j.RequestJson }).ToListAsync(cancellation))
                .ToDictionary(j => j.Id, j => ColumnAdvice.ScenarioOf(JsonNode.Parse(j.RequestJson)!));
            var ordered = wanted.Select(id => records.Single(r => r.Id == id)).ToList();
            string? ScenarioOf(RotaRecord r) => r.JobId is { } job ? scenarios.GetValueOrDefault(job) : null;
            // A rota with no scenario (the hospital way, one stored from elsewhere, a plain solve or a repair) is of the institution's own data: so is its advice.
            var advice = await ColumnAdvice.ForAsync(db, cache, institutionId, [.. ordered.Select(r => new ColumnAdvice.Key(ScenarioOf(r), r.HorizonStart, r.Weeks))], cancellation);
            var columns = new List<ComparisonColumn>();
            foreach (var (r, i) in ordered.Select((r, i) => (r, i)))
            {
                var stored = StoredRota.Of(r, cache);
                var figures = cache.GetOrCreate(("figures", r.Id), entry =>
                {
                    entry.Size = 1;
                    return RotaFigures.Of(stored.Problem, stored.Rota, new CostRates());
                })!;
                var year = await YearOfAsync(db, cache, institutionId, r.Id, stored, cancellation);
                columns.Add(new ComparisonColumn(r.Id, r.HorizonStart, r.Weeks, r.MadeBy, ScenarioOf(r), figures, year, advice[i]));
            }

            var lines = ComparisonRow.All.Select(row => new ComparisonLine(row.Label, [.. columns.Select(c => row.Value(c.Figures))])).ToList();
            return TypedResults.Ok(new ComparisonView(columns, lines));
        })
        .WithTags("Scenarios")
        .WithSummary("Rotas side by side (ids=a,b,…): children's continuity, uncovered hours, worked and paid hours, cost, overtime, nights and weekends per caregiver, violations; each rota's year view: the different adults a child met over the published rotas of the year up to its horizon's end with it published after them (per week too), against the hospital way of the same horizons; and each rota's staffing advice: the latest ended advice of its scenario (none: the institution's own data, as for the hospital way) and horizon.")
        .Produces<ComparisonView>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The rota's year view over the published rotas of the year up to its horizon's end; cached while they stay the same.</summary>
    private static async Task<YearView?> YearOfAsync(SchedulerDb db, IMemoryCache cache, string institutionId, Guid rotaId, StoredRota stored, CancellationToken cancellation)
    {
        var end = stored.Problem.Horizon.End;
        var period = await PublishedPeriod.LoadAsync(db, cache, institutionId, end.PlusDays(-364), end, cancellation);
        var published = period.Published;
        if (published.Count == 0)
        {
            return null;
        }

        return cache.GetOrCreate(("year", rotaId, period.Version), entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromMinutes(30);
            return YearView.Of(published, stored.Problem, stored.Rota);
        });
    }

    /// <summary>Creates or replaces a scenario, checked whole and stored canonical; a race on the same id is a 412.</summary>
    private static async Task<IResult> PutAsync(string scenarioId, HttpContext context, SchedulerDb db, CancellationToken cancellation)
    {
        var (text, problem) = await RequestBody.ReadTextAsync(context.Request, cancellation);
        if (problem is not null)
        {
            return problem;
        }

        var read = ScenarioReader.Read(text!);
        if (read.Value is null)
        {
            return Problems.Invalid(read.Errors.Select(e => new FieldError(e.Path, e.Message)));
        }

        if (!Ids.IsValid(scenarioId))
        {
            return Problems.Invalid("$.scenarioId", $"Not an id: {Ids.Rule}.");
        }

        // Stored in canonical form, never the request's own text: the reader has checked it whole.
        var canonical = JsonNode.Parse(text!)!.ToJsonString();
        var institution = Caller.Institution(context);
        var row = await db.Resources.FirstOrDefaultAsync(r => r.InstitutionId == institution.Id && r.Kind == Kind && r.Key == scenarioId, cancellation);
        if (row is not null && !ETags.Matches(context.Request, row.Version))
        {
            return Problems.PreconditionFailed(ETags.Of(row.Version));
        }

        if (await ResourceRows.StoreAsync(db, row, institution.Id, Kind, scenarioId, canonical, cancellation) is not { } stored)
        {
            return Problems.PreconditionFailed("changed by another request");
        }

        ETags.Set(context.Response, stored.Version);
        return row is null
            ? TypedResults.Created($"{context.Request.PathBase}{context.Request.Path}", WithId(stored))
            : TypedResults.Ok(WithId(stored));
    }

    /// <summary>Queues a solve of the institution's data with the scenario's changes applied.</summary>
    private static async Task<IResult> SolveAsync(string scenarioId, HttpContext context, SchedulerDb db, IMemoryCache cache, JobSubmission submission, CancellationToken cancellation)
    {
        var (body, problem) = await RequestBody.ReadObjectAsync(context.Request, cancellation);
        if (problem is not null)
        {
            return problem;
        }

        var institution = Caller.Institution(context);
        if (await ScenarioProblem.FindAsync(db, institution.Id, scenarioId, cancellation) is not { } row)
        {
            return ScenarioProblem.NotFound(scenarioId);
        }

        var errors = submission.CheckOptions(body!, "horizon", "pins").ToList();
        var (assembled, _, stop) = await HorizonProblem.AssembleAsync(db, cache, institution, body!, errors, cancellation);
        if (stop is not null)
        {
            return stop;
        }

        var (built, misfit) = ScenarioProblem.Build(row, assembled!.Json);
        if (misfit is not null)
        {
            return misfit;
        }

        body!["scenarioId"] = scenarioId;
        return await submission.SubmitAsync(context, institution.Id, JobState.SolveKind, body, DocumentWriter.Write(built!), null, cancellation);
    }

    private static JsonObject WithId(ResourceRecord row)
    {
        var node = JsonNode.Parse(row.Json)!.AsObject();
        node["id"] = row.Key;
        return node;
    }
}
