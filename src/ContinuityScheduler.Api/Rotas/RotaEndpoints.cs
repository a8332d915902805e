using System.Text.Json.Nodes;
using ContinuityScheduler.Api.Contracts;
using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Api.Http;
using ContinuityScheduler.Api.Jobs;
using ContinuityScheduler.Api.OpenApi;
using ContinuityScheduler.Api.Security;
using ContinuityScheduler.Domain.Baseline;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Scoring;
using ContinuityScheduler.Domain.Shifts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NodaTime;
using NodaTime.Text;

namespace ContinuityScheduler.Api.Rotas;

/// <summary>Rotas: read, list by horizon, publish, repair, and judge them — continuity, violations, payroll and calendars.</summary>
public static class RotaEndpoints
{
    public static void MapRotas(this RouteGroupBuilder institution)
    {
        var group = institution.MapGroup("/rotas").WithTags("Rotas");

        group.MapGet("/", ListAsync)
        .WithSummary("Lists rotas whose horizon overlaps from–to (ISO dates, both optional), optionally of one status (draft, published, superseded).")
        .Produces<List<RotaSummary>>()
        .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapPost("/", async (HttpContext context, SchedulerDb db, IMemoryCache cache, CancellationToken cancellation) =>
            await CreateAsync(context, db, cache, cancellation, "assignments", "madeBy", (problem, body, errors) =>
            {
                var read = RotaReader.Read(new JsonObject { ["madeBy"] = body["madeBy"]?.DeepClone() ?? "manual", ["assignments"] = body["assignments"]?.DeepClone() }.ToJsonString(), problem);
                errors.AddRange(read.Errors.Select(e => new FieldError(e.Path, e.Message)));
                return read.Value;
            }))
        .WithSummary("Stores a rota made elsewhere (by a manager or an HR system) for a horizon, as a draft to judge, compare and publish.")
        .Accepts<RotaUpload>("application/json")
        .Produces<RotaSummary>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithMetadata(new ExampleBody(new RotaUpload(new HorizonBody("2026-11-30", 1), "manual", [new AssignmentBody("cg-001", "2026-11-30", "sunflower-E")])));

        group.MapPost("/hospital-way", async (HttpContext context, SchedulerDb db, IMemoryCache cache, CancellationToken cancellation) =>
            await CreateAsync(context, db, cache, cancellation, null, null, (problem, _, _) => HospitalWay.Generate(problem)))
        .WithSummary("Makes the hospital-way rota of a horizon (caregivers rotated across all groups): the reference any continuity rota is compared with.")
        .Accepts<HorizonRequest>("application/json")
        .Produces<RotaSummary>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithMetadata(new ExampleBody(new HorizonRequest(new HorizonBody("2026-11-30", 4))));

        group.MapGet("/{rotaId:guid}", async (Guid rotaId, HttpContext context, SchedulerDb db, IMemoryCache cache, CancellationToken cancellation) =>
            await WithRota(rotaId, context, db, cancellation, record =>
            {
                ETags.Set(context.Response, record.Version);
                return TypedResults.Ok(RotaViews.Of(record, StoredRota.Of(record, cache)));
            }))
        .WithSummary("A rota: its status and every shift with demand, shift type, groups, real start and end, working and paid hours.")
        .Produces<RotaView>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{rotaId:guid}/problem", async (Guid rotaId, HttpContext context, SchedulerDb db, CancellationToken cancellation) =>
            await WithRota(rotaId, context, db, cancellation, record => TypedResults.Text(record.ProblemJson, "application/json")))
        .WithSummary("The planning problem the rota was made for (docs/formats.md), history and pins included: what was solved, for audits and for POST /validate.")
        .Produces<PlanningProblemBody>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{rotaId:guid}/publish", PublishAsync)
        .WithSummary("Publishes a draft: staff see it, and it becomes the history of the next horizon. A published rota of overlapping dates is superseded. If-Match guards against publishing a rota someone changed. A rota that breaks a hard rule (an infeasible solve's, one with posts uncovered) needs confirm=true.")
        .Produces<RotaSummary>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapPost("/{rotaId:guid}/repair", RepairAsync)
        .WithSummary("Starts a repair job: a caregiver is absent from a date; the new draft changes this rota as little as possible, preferring the group's core team.")
        .Accepts<RepairRequest>("application/json")
        .Produces<SolveJobView>(StatusCodes.Status202Accepted)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .WithMetadata(new ExampleBody(new RepairRequest("cg-01", "2026-12-02", "2026-12-04", 30)));

        group.MapGet("/{rotaId:guid}/continuity", async (Guid rotaId, HttpContext context, SchedulerDb db, IMemoryCache cache, CancellationToken cancellation) =>
            await WithRota(rotaId, context, db, cancellation, record =>
                TypedResults.Ok(cache.GetOrCreate(("continuity", record.Id), entry =>
                {
                    entry.Size = 1;
                    entry.SlidingExpiration = TimeSpan.FromMinutes(30);
                    var stored = StoredRota.Of(record, cache);
                    return ContinuityScorer.Score(stored.Problem, stored.Rota);
                })!)))
        .WithSummary("Continuity of the rota: each child's score and its parts (worst first), each group's and the institution's.")
        .Produces<ContinuityReport>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{rotaId:guid}/violations", async (Guid rotaId, HttpContext context, SchedulerDb db, IMemoryCache cache, CancellationToken cancellation) =>
            await WithRota(rotaId, context, db, cancellation, record =>
            {
                var stored = StoredRota.Of(record, cache);
                var report = RotaValidator.Validate(stored.Problem, stored.Rota);
                return TypedResults.Ok(ViolationsView.Of(report));
            }))
        .WithSummary("Every rule the rota breaks: code, severity, caregiver, dates, measured value, limit, message.")
        .Produces<ViolationsView>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{rotaId:guid}/payroll.csv", async (Guid rotaId, HttpContext context, SchedulerDb db, IMemoryCache cache, CancellationToken cancellation) =>
            await WithRota(rotaId, context, db, cancellation, record =>
                TypedResults.Text(PayrollCsv.Write(StoredRota.Of(record, cache)), "text/csv; charset=utf-8")))
        .WithSummary("Payroll export: worked and paid hours per caregiver and day (CSV with a header row; a shift counts on its start date).")
        .Produces<string>(StatusCodes.Status200OK, "text/csv")
        .ProducesProblem(StatusCodes.Status404NotFound);

    }

    /// <summary>Rotas whose horizon overlaps from–to, of one status if asked.</summary>
    private static async Task<IResult> ListAsync(HttpContext context, SchedulerDb db, string? from, string? to, string? status, CancellationToken cancellation)
    {
        var errors = QueryDates.Check(from, to);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors, "Query parameters are invalid.");
        }

        var first = QueryDates.Read(from) ?? LocalDate.MinIsoValue;
        var last = QueryDates.Read(to) ?? LocalDate.MaxIsoValue;
        if (last < first)
        {
            return Problems.Invalid("$.to", "Must not come before from.");
        }

        var id = Caller.Institution(context).Id;
        var rows = await db.Rotas.AsNoTracking().Where(r => r.InstitutionId == id && (status == null || r.Status == status))
            .OrderBy(r => r.HorizonStart).ThenBy(r => r.CreatedAt).ToListAsync(cancellation);
        // A rota is listed when its horizon overlaps [from, to].
        var wanted = new DateInterval(first, last);
        var listed = rows.Where(r => RotaRecords.Dates(r).Intersection(wanted) is not null);
        return TypedResults.Ok(listed.Select(r => RotaViews.Summary(r, AssignmentCount(r))).ToList());
    }

    /// <summary>Publishes a draft, superseding published rotas of overlapping dates; a rota breaking a hard rule only with confirm=true.</summary>
    private static async Task<IResult> PublishAsync(Guid rotaId, HttpContext context, SchedulerDb db, IMemoryCache cache, string? confirm, CancellationToken cancellation)
    {
        if (confirm is not null && !bool.TryParse(confirm, out _))
        {
            return Problems.Invalid("$.confirm", $"Must be true or false, found '{ErrorText.Printable(confirm)}'.");
        }

        var id = Caller.Institution(context).Id;
        var record = await db.Rotas.FirstOrDefaultAsync(r => r.Id == rotaId && r.InstitutionId == id, cancellation);
        if (record is null)
        {
            return Problems.NotFound($"rota '{rotaId}'");
        }

        if (!ETags.Matches(context.Request, record.Version))
        {
            return Problems.PreconditionFailed(ETags.Of(record.Version));
        }

        if (record.Status != RotaStatus.Draft)
        {
            return Problems.Conflict($"Only a draft can be published; this rota is {record.Status}.");
        }

        // A rota that breaks a hard rule (an infeasible solve, a post left uncovered) is published only when asked twice.
        var stored = StoredRota.Of(record, cache);
        var report = RotaValidator.Validate(stored.Problem, stored.Rota);
        var hard = report.Violations.Where(v => v.Severity == Severity.Hard).ToList();
        if (report.HardCount > 0 && !string.Equals(confirm, "true", StringComparison.OrdinalIgnoreCase))
        {
            var examples = string.Join("; ", hard.Take(3).Select(v => $"{v.Code}: {v.Message}"));
            return Problems.Conflict(
                $"The rota breaks {report.HardCount} hard rule(s) ({examples}{(report.HardCount > 3 ? "; …" : "")}); see GET …/violations, and publish with ?confirm=true to publish it anyway.",
                [new FieldError("$.confirm", "Must be true to publish a rota that breaks a hard rule.")]);
        }

        await Publishing.PublishAsync(db, record, cancellation);
        if (!await db.TrySaveChangesAsync(cancellation))
        {
            return Problems.PreconditionFailed("changed by another request");
        }

        ETags.Set(context.Response, record.Version);
        return TypedResults.Ok(RotaViews.Summary(record, AssignmentCount(record)));
    }

    /// <summary>Queues a repair job for a rota after an absence.</summary>
    private static async Task<IResult> RepairAsync(Guid rotaId, HttpContext context, SchedulerDb db, IMemoryCache cache, JobSubmission submission, CancellationToken cancellation)
    {
        var (body, problem) = await RequestBody.ReadObjectAsync(context.Request, cancellation);
        if (problem is not null)
        {
            return problem;
        }

        var id = Caller.Institution(context).Id;
        var record = await db.Rotas.AsNoTracking().FirstOrDefaultAsync(r => r.Id == rotaId && r.InstitutionId == id, cancellation);
        if (record is null)
        {
            return Problems.NotFound($"rota '{rotaId}'");
        }

        var stored = StoredRota.Of(record, cache);
        var errors = submission.CheckOptions(body!, "caregiverId", "from", "to").ToList();
        errors.AddRange(RepairErrors(body!, stored));
        return errors.Count > 0
            ? Problems.Invalid(errors)
            : await submission.SubmitAsync(context, id, JobState.RepairKind, body!, record.ProblemJson, record.RotaJson, cancellation);
    }

    /// <summary>A draft for the horizon in the body, made by <paramref name="make"/> from the horizon's problem; nothing is stored on any error.</summary>
    private static async Task<IResult> CreateAsync(HttpContext context, SchedulerDb db, IMemoryCache cache, CancellationToken cancellation, string? field, string? other, Func<Domain.Model.PlanningProblem, JsonObject, List<FieldError>, Domain.Model.Rota?> make)
    {
        var (body, problem) = await RequestBody.ReadObjectAsync(context.Request, cancellation);
        if (problem is not null)
        {
            return problem;
        }

        var allowed = new[] { "horizon", field, other }.OfType<string>().ToList();
        var errors = body!.Select(p => p.Key).Where(k => !allowed.Contains(k)).Select(k => new FieldError($"$.{k}", $"Unknown property; expected {string.Join(", ", allowed)}.")).ToList();
        var institution = Caller.Institution(context);
        var (assembled, planning, stop) = await HorizonProblem.AssembleAsync(db, cache, institution, body!, errors, cancellation);
        if (stop is not null)
        {
            return stop;
        }

        var rota = make(planning!, body!, errors);
        if (rota is null || errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var record = RotaRecords.Draft(institution.Id, planning!, assembled!.Json, rota, null);
        db.Rotas.Add(record);
        await db.SaveChangesAsync(cancellation);
        ETags.Set(context.Response, record.Version);
        return TypedResults.Created($"/api/v1/institutions/{institution.Id}/rotas/{record.Id}", RotaViews.Summary(record, rota.Assignments.Count));
    }

    private static async Task<IResult> WithRota(Guid rotaId, HttpContext context, SchedulerDb db, CancellationToken cancellation, Func<RotaRecord, IResult> answer)
    {
        var id = Caller.Institution(context).Id;
        var record = await db.Rotas.AsNoTracking().FirstOrDefaultAsync(r => r.Id == rotaId && r.InstitutionId == id, cancellation);
        return record is null ? Problems.NotFound($"rota '{rotaId}'") : answer(record);
    }

    private static IEnumerable<FieldError> RepairErrors(JsonObject body, StoredRota stored)
    {
        if (body["caregiverId"] is not JsonValue caregiver || caregiver.GetValueKind() != System.Text.Json.JsonValueKind.String)
        {
            yield return new FieldError("$.caregiverId", "Required: the absent caregiver's id.");
        }
        else if (!stored.Problem.CaregiversById.ContainsKey((string)caregiver!))
        {
            yield return new FieldError("$.caregiverId", $"Unknown caregiver '{(string)caregiver!}' in this rota's problem.");
        }

        var horizon = stored.Problem.Horizon;
        LocalDate? from = null;
        foreach (var (name, required) in new[] { ("from", true), ("to", false) })
        {
            var node = body[name];
            if (node is null && !required)
            {
                continue;
            }

            var parsed = node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? LocalDatePattern.Iso.Parse((string)v!) : null;
            if (parsed is null || !parsed.Success)
            {
                yield return new FieldError($"$.{name}", "Required: an ISO-8601 date (yyyy-MM-dd).");
            }
            else if (!horizon.Contains(parsed.Value))
            {
                yield return new FieldError($"$.{name}", $"Must lie in the rota's horizon, {IsoText.Of(horizon.Start)} to {IsoText.Of(horizon.End)}.");
            }
            else if (name == "from")
            {
                from = parsed.Value;
            }
            else if (from is { } f && parsed.Value < f)
            {
                yield return new FieldError("$.to", "Must be on or after 'from'.");
            }
        }
    }

    private static int AssignmentCount(RotaRecord record) => JsonNode.Parse(record.RotaJson)!["assignments"]!.AsArray().Count;
}
