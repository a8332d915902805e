using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContinuityScheduler.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContinuityScheduler.Api.Tests;

/// <summary>
/// A seeded, bounded fuzzer over the service's own OpenAPI document: every operation, each request broken one way
/// (members given twice, lone surrogates, wrong types, numbers out of range, control characters in ids, reversed date
/// ranges, broken or non-JSON bodies, other media types, unknown members, deep nesting, huge arrays). Whatever comes
/// back is never a 5xx; every 4xx is an RFC 9457 problem document (a 400 naming fields); and a rejected request leaves
/// the database exactly as it was.
/// </summary>
public sealed class FuzzTests
{
    /// <summary>Requests in CI; benchmarks/fuzz.sh runs more.</summary>
    private static int Requests => int.TryParse(Environment.GetEnvironmentVariable("FUZZ_REQUESTS"), out var n) ? n : 2400;

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var n) ? n : 20261201;

    private enum Mutation
    {
        DuplicateMember,
        LoneSurrogate,
        WrongType,
        OutOfRange,
        ControlCharacters,
        ReversedRange,
        BrokenJson,
        OtherMediaType,
        UnknownMember,
        DeepNesting,
        HugeArray,
        NotAnObject,
    }

    [Fact]
    public async Task No_request_of_any_operation_broken_any_way_gets_a_5xx_a_bare_error_or_changes_anything()
    {
        using var factory = new ApiFactory(new Dictionary<string, string>
        {
            ["ContinuityScheduler:RequestsPerMinute"] = "1000000",
            ["ContinuityScheduler:RequestsPerMinutePerAddress"] = "1000000",
            ["ContinuityScheduler:Jobs:DefaultTimeLimitSeconds"] = "1",
            ["ContinuityScheduler:Jobs:QueueCapacity"] = "4",
        });
        try
        {
            var home = await Tenant.FromSampleAsync(factory, "small-home");
            var known = await KnownValuesAsync(factory, home);
            var operations = await OperationsAsync(home.Client);
            operations.Should().HaveCountGreaterThan(50, "every operation of the document is fuzzed");
            var random = new Random(Seed);
            var failures = new List<string>();
            var before = await SnapshotAsync(factory);
            var kinds = Enum.GetValues<Mutation>();
            var statuses = new SortedDictionary<int, int>();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var sent = 0;
            for (var i = 0; i < Requests && failures.Count < 20; i++, sent++)
            {
                var operation = operations[i % operations.Count];
                var mutation = kinds[(i / operations.Count) % kinds.Length];
                using var request = Build(operation, mutation, known, random, home.Client);
                using var response = await home.Client.SendAsync(request);
                var status = (int)response.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                var what = $"{request.Method} {request.RequestUri} ({mutation})";
                if (status >= 500)
                {
                    failures.Add($"{what}: {status} {await response.Content.ReadAsStringAsync()}");
                    continue;
                }

                if (status >= 400)
                {
                    if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    {
                        failures.Add($"{what}: {status} without a problem document ({response.Content.Headers.ContentType})");
                    }
                    else if (status == 400 && JsonNode.Parse(await response.Content.ReadAsStringAsync())?["errors"] is not JsonArray { Count: > 0 })
                    {
                        failures.Add($"{what}: 400 naming no field: {await response.Content.ReadAsStringAsync()}");
                    }

                    var after = await SnapshotAsync(factory);
                    if (after != before)
                    {
                        failures.Add($"{what}: {status}, but the database changed");
                        before = after;
                    }
                }
                else
                {
                    before = await SnapshotAsync(factory);
                }
            }

            if (Environment.GetEnvironmentVariable("FUZZ_REPORT") is { } report)
            {
                // benchmarks/fuzz.sh asks for the figures of a longer run.
                File.WriteAllText(report, $"# Fuzz run, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC\n\n{sent} requests over {operations.Count} operations of openapi.yaml, seed {Seed}, {clock.Elapsed.TotalSeconds:0} s; "
                    + $"by status: {string.Join(", ", statuses.Select(p => $"{p.Key} × {p.Value}"))}; 5xx: {statuses.Where(p => p.Key >= 500).Sum(p => p.Value)}; "
                    + $"failures (5xx, bare 4xx, 400 naming no field, database changed by a rejected request): {failures.Count}\n\n{string.Join("\n", failures.Select(f => $"- {f}"))}\n");
            }

            failures.Should().BeEmpty();
        }
        finally
        {
            factory.DeleteData();
        }
    }

    private sealed record Operation(string Method, string Path, JsonNode? Example, IReadOnlyList<string> Query);

    /// <summary>Every operation of the served document (equal to the committed openapi.yaml) with its request example.</summary>
    private static async Task<List<Operation>> OperationsAsync(HttpClient client)
    {
        var document = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"))!;
        var operations = new List<Operation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var example = operation!["requestBody"]?["content"]?["application/json"]?["example"];
                var query = (operation["parameters"] as JsonArray ?? []).Where(p => (string?)p!["in"] == "query").Select(p => (string)p!["name"]!).ToList();
                operations.Add(new Operation(method.ToUpperInvariant(), path, example?.DeepClone(), query));
            }
        }

        return operations;
    }

    /// <summary>Real ids for the path parameters, so a request reaches the code past routing and lookups.</summary>
    private static async Task<Dictionary<string, string>> KnownValuesAsync(ApiFactory factory, Tenant home)
    {
        var rotaId = await home.HospitalWayAsync("2026-11-30", weeks: 1);
        (await home.Client.PutAsync($"{home.Base}/scenarios/s1", Tenant.Json("""{"name":"Fuzz","changes":[]}"""))).StatusCode.Should().Be(HttpStatusCode.Created);
        var job = await home.SolveAsync("2026-11-30", weeks: 1, seconds: 1);
        var spare = await factory.Admin().PostAsync($"/api/v1/institutions/{home.Id}/api-keys", Tenant.Json(new JsonObject { ["label"] = "spare" }));
        var values = new Dictionary<string, string>
        {
            ["institutionId"] = home.Id,
            ["rotaId"] = rotaId,
            ["scenarioId"] = "s1",
            ["jobId"] = (string)job["id"]!,
            ["keyId"] = (string)JsonNode.Parse(await spare.Content.ReadAsStringAsync())!["id"]!,
            ["caregiverId"] = "cg-001",
        };
        foreach (var collection in new[] { "shift-types", "groups", "children", "caregivers", "absences", "wishes", "demands" })
        {
            var first = (await home.GetJsonAsync(collection)).AsArray().FirstOrDefault();
            values[$"key:{collection}"] = first?["id"] is JsonValue id ? (string)id! : first?["code"] is JsonValue code ? (string)code! : "none";
        }

        return values;
    }

    private static HttpRequestMessage Build(Operation operation, Mutation mutation, Dictionary<string, string> known, Random random, HttpClient client)
    {
        var collection = operation.Path.Split('/').SkipWhile(s => s != "{institutionId}").Skip(1).FirstOrDefault() ?? "";
        var path = System.Text.RegularExpressions.Regex.Replace(operation.Path, "{([^}]+)}", m =>
        {
            var name = m.Groups[1].Value;
            var value = name == "key" ? known.GetValueOrDefault($"key:{collection}", "x") : known.GetValueOrDefault(name, "x");
            // Control characters go into ids (an id with a line break must never get through).
            return Uri.EscapeDataString(mutation == Mutation.ControlCharacters && name != "institutionId" ? $"{value}\r\n{value}" : value);
        });
        var query = new List<string>();
        foreach (var name in operation.Query)
        {
            query.Add(name switch
            {
                "from" when mutation == Mutation.ReversedRange => "from=2027-01-01",
                "to" when mutation == Mutation.ReversedRange => "to=2026-01-01",
                "from" or "to" => $"{name}={(mutation == Mutation.WrongType ? "soon" : "2026-11-30")}",
                "ids" => $"ids={known["rotaId"]},{(mutation == Mutation.WrongType ? "not-a-guid" : known["rotaId"])}",
                "confirm" => $"confirm={(mutation == Mutation.WrongType ? "perhaps" : "false")}",
                _ => $"{name}={(mutation == Mutation.LoneSurrogate ? "%ED%A0%80" : "draft")}",
            });
        }

        var request = new HttpRequestMessage(new HttpMethod(operation.Method), path + (query.Count > 0 ? "?" + string.Join('&', query) : ""));
        if (operation.Example is null && operation.Method is not ("POST" or "PUT"))
        {
            return request;
        }

        var body = operation.Example?.DeepClone() ?? new JsonObject();
        var (text, mediaType) = mutation switch
        {
            Mutation.DuplicateMember => (Duplicated(body, random), "application/json"),
            Mutation.LoneSurrogate => (Replaced(body, random, "\"\\ud800x\""), "application/json"),
            Mutation.WrongType => (Replaced(body, random, new[] { "1", "\"text\"", "[]", "{}", "null", "true" }[random.Next(6)]), "application/json"),
            Mutation.OutOfRange => (Replaced(body, random, new[] { "1e308", "-1", "2147483648", "0.5", "-1e-300" }[random.Next(5)], numbersOnly: true), "application/json"),
            Mutation.ControlCharacters => (Replaced(body, random, "\"a\\r\\nb\\u0000c\""), "application/json"),
            Mutation.BrokenJson => (new[] { "", "{", "{\"a\":}", "\u00ff\u00fe", "{\"a\":1}}", body.ToJsonString()[..Math.Max(1, body.ToJsonString().Length / 2)] }[random.Next(6)], "application/json"),
            Mutation.OtherMediaType => (body.ToJsonString(), new[] { "application/jsonp", "text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1" }[random.Next(4)]),
            Mutation.UnknownMember => (WithUnknown(body), "application/json"),
            Mutation.DeepNesting => (new string('[', 200) + new string(']', 200), "application/json"),
            Mutation.HugeArray => (Replaced(body, random, "[" + string.Join(',', Enumerable.Repeat("\"x\"", 20_000)) + "]"), "application/json"),
            Mutation.NotAnObject => (new[] { "null", "[]", "1", "\"text\"" }[random.Next(4)], "application/json"),
            _ => (Replaced(body, random, "\"2027-01-01\""), "application/json"),
        };
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return request;
    }

    /// <summary>The body's JSON with one member of one of its objects written twice.</summary>
    private static string Duplicated(JsonNode body, Random random)
    {
        var objects = Nodes(body).OfType<JsonObject>().Where(o => o.Count > 0).ToList();
        if (objects.Count == 0)
        {
            return """{"a":1,"a":2}""";
        }

        var target = objects[random.Next(objects.Count)];
        var (name, value) = target.ElementAt(random.Next(target.Count));
        target["__duplicate"] = 0;
        var text = body.ToJsonString();
        target.Remove("__duplicate");
        return text.Replace("\"__duplicate\":0", $"{JsonSerializer.Serialize(name)}:{value?.ToJsonString() ?? "null"}");
    }

    /// <summary>The body with one of its values (a number, when asked) replaced by the given JSON text.</summary>
    private static string Replaced(JsonNode body, Random random, string json, bool numbersOnly = false)
    {
        var slots = Nodes(body).Where(n => n.Parent is not null && (!numbersOnly || n is JsonValue v && v.GetValueKind() == JsonValueKind.Number)).ToList();
        if (slots.Count == 0)
        {
            return body is JsonObject ? $"{{\"value\":{json}}}" : json;
        }

        var target = slots[random.Next(slots.Count)];
        var placeholder = $"__slot_{Guid.NewGuid():N}";
        switch (target.Parent)
        {
            case JsonObject parent:
                parent[target.GetPropertyName()] = placeholder;
                break;
            case JsonArray array:
                array[target.GetElementIndex()] = placeholder;
                break;
        }

        return body.ToJsonString().Replace($"\"{placeholder}\"", json);
    }

    private static string WithUnknown(JsonNode body)
    {
        if (body is JsonObject root)
        {
            root["zzzUnknown"] = 1;
        }

        return body.ToJsonString();
    }

    private static IEnumerable<JsonNode> Nodes(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in Nodes(child))
            {
                yield return descendant;
            }
        }
    }

    /// <summary>Every row of every table, as text: what a rejected request must not change.</summary>
    private static async Task<string> SnapshotAsync(ApiFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SchedulerDb>();
        var parts = new List<string>
        {
            JsonSerializer.Serialize(await db.Institutions.AsNoTracking().OrderBy(i => i.Id).ToListAsync()),
            JsonSerializer.Serialize(await db.ApiKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync()),
            JsonSerializer.Serialize(await db.Resources.AsNoTracking().OrderBy(r => r.Kind).ThenBy(r => r.Key).ToListAsync()),
            // Rotas of jobs come from the worker when a job ends, not from a request.
            JsonSerializer.Serialize(await db.Rotas.AsNoTracking().Where(r => r.JobId == null).OrderBy(r => r.Id).ToListAsync()),
            JsonSerializer.Serialize(await db.PublishedDates.AsNoTracking().OrderBy(d => d.Date).ToListAsync()),
            JsonSerializer.Serialize(await db.CalendarFeeds.AsNoTracking().OrderBy(f => f.Hash).ToListAsync()),
            // A job's progress moves while it runs; its identity and request do not.
            JsonSerializer.Serialize(await db.SolveJobs.AsNoTracking().OrderBy(j => j.Id).Select(j => new { j.Id, j.RequestJson, j.CancelRequested }).ToListAsync()),
        };
        return string.Join('\n', parts);
    }
}
