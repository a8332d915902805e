using System.Text.Json;
using System.Text.Json.Nodes;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Scoring;
using NodaTime;
using NodaTime.Text;

namespace ContinuityScheduler.Cli;

/// <summary>
/// Rota files read as published one after another (docs/formats.md, "Published rotas"): each a rota with its horizon
/// (a <c>POST …/rotas</c> body) or an array of them; each read against the base problem's data for its horizon, with the rota
/// before it as history, as the service's published rotas are.
/// </summary>
public static class PublishedRotas
{
    /// <summary>The files given, a folder's JSON files in name order, every rota in them in order.</summary>
    public static IReadOnlyList<PublishedRota> Read(PlanningProblem basis, IReadOnlyList<string> paths)
    {
        var made = new List<(PlanningProblem Problem, Rota Rota)>();
        foreach (var path in paths.SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p, "*.json").Order(StringComparer.Ordinal) : (IEnumerable<string>)[p]))
        {
            var root = Parse(path);
            var items = root is JsonArray array ? array.Select((n, i) => (Node: n, Path: $"$[{i}]")).ToList() : [(Node: root, Path: "$")];
            foreach (var (node, at) in items)
            {
                var problem = Documents.Unwrap(path, ProblemFor(basis, node, at, made));
                var body = new JsonObject { ["madeBy"] = node!["madeBy"]?.DeepClone() ?? "manual", ["assignments"] = node["assignments"]?.DeepClone() };
                var read = RotaReader.Read(body.ToJsonString(), problem);
                var rota = Documents.Unwrap(path, read.Succeeded ? read : LoadResult<Rota>.Failure([.. read.Errors.Select(e => e with { Path = at + e.Path[1..] })]));
                made.Add((problem, rota));
            }
        }

        if (made.Count == 0)
        {
            throw new UsageException("--rotas names no rota: give rota files or a folder of them.");
        }

        return PublishedRota.InOrder(made);
    }

    private static JsonNode Parse(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) ?? throw new BadInputException($"{path}: not a rota", [new LoadError("$", "Expected a rota with its horizon, or an array of them.")]);
        }
        catch (JsonException e)
        {
            throw new BadInputException($"{path}: not JSON", [new LoadError("$", e.Message)]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"{path}: cannot read the file: {e.Message}", []);
        }
    }

    /// <summary>The base's data for the rota's horizon; its history the rota before (the base's own before the first).</summary>
    private static LoadResult<PlanningProblem> ProblemFor(PlanningProblem basis, JsonNode? node, string at, IReadOnlyList<(PlanningProblem Problem, Rota Rota)> before)
    {
        if (node is not JsonObject rota || rota.Any(p => p.Key is not ("horizon" or "madeBy" or "assignments")))
        {
            return LoadResult<PlanningProblem>.Failure([new LoadError(at, "Expected a rota: an object with horizon, madeBy and assignments only.")]);
        }

        var start = rota["horizon"]?["start"] is JsonValue s && s.TryGetValue<string>(out var text) ? LocalDatePattern.Iso.Parse(text) : null;
        var weeks = rota["horizon"]?["weeks"] is JsonValue w && w.TryGetValue<int>(out var n) ? n : 0;
        if (start is not { Success: true } || start.Value.DayOfWeek != NodaTime.IsoDayOfWeek.Monday || weeks < 1)
        {
            return LoadResult<PlanningProblem>.Failure([new LoadError($"{at}.horizon", "Required: {\"start\": a Monday (yyyy-MM-dd), \"weeks\": 1 or more}.")]);
        }

        var horizon = new Horizon(start.Value, weeks);
        var earlier = before.Where(b => b.Problem.Horizon.Start < horizon.Start).ToList();
        var history = earlier.Count > 0 ? Carried(earlier, horizon)
            : basis.History.From <= horizon.Start && basis.History.Shifts.All(h => h.Date < horizon.Start) ? basis.History
            : History.Empty(horizon.Start);
        return LoadResult<PlanningProblem>.Success(new PlanningProblem(basis.Institution, horizon, basis.Groups, basis.Children, basis.Caregivers, basis.ShiftTypes, basis.Demands, history));
    }

    /// <summary>The week before the horizon as the rotas before it had it, each day the latest one's: the night into its first morning counts.</summary>
    private static History Carried(IReadOnlyList<(PlanningProblem Problem, Rota Rota)> earlier, Horizon horizon)
    {
        var from = LocalDate.Max(horizon.Start.PlusDays(-7), earlier.Min(b => b.Problem.Horizon.Start));
        var shifts = new Dictionary<LocalDate, IEnumerable<HistoryShift>>();
        foreach (var (problem, rota) in earlier)
        {
            foreach (var date in problem.Horizon.Dates.Where(d => d >= from && d < horizon.Start))
            {
                shifts[date] = rota.Assignments.Where(a => a.Date == date).Select(a =>
                {
                    var demand = problem.DemandsById[a.DemandId];
                    return new HistoryShift(a.CaregiverId, a.Date, demand.ShiftType, demand.GroupIds);
                });
            }
        }

        return new History(from, shifts.OrderBy(d => d.Key).SelectMany(d => d.Value));
    }
}
