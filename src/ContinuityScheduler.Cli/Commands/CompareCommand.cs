using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text;
using ContinuityScheduler.Cli.Display;
using ContinuityScheduler.Domain.Baseline;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Scenarios;
using ContinuityScheduler.Domain.Scoring;
using ContinuityScheduler.Solver;
using ContinuityScheduler.Solver.Advice;

namespace ContinuityScheduler.Cli.Commands;

/// <summary>Solves each scenario of a base home and sets them side by side, the base's hospital-way rota as the reference column.</summary>
public static class CompareCommand
{
    /// <summary>A column of the comparison: its heading, and the figures of its rota, or why there is none; its home's staffing advice when asked.</summary>
    public sealed record Column(string Name, string MadeBy, RotaFigures? Figures, string? Note, YearView? Year = null, AdviceResult? Advice = null);

    /// <summary>Staffing advice for each column's home: the candidates' file (read against each home), the target, the seconds each.</summary>
    public sealed record AdviceAsked(string CandidatesPath, AdviceTarget Target, double Seconds);

    /// <summary>The advice's rows: what it would take for each column's home to reach the target, and how sure that is.</summary>
    public static readonly IReadOnlyList<(string Label, Func<AdviceResult, string> Value)> AdviceRows =
    [
        ("advice: what it would take", a => AdviceWords.WhatItWouldTake(AdviceWords.Headline(a), a.Status)),
        ("advice: status", a => JsonNames.Of(a.Status)),
        ("advice: uncovered person-shifts after", a => a.UncoveredAfter.ToString("0", CultureInfo.InvariantCulture)),
        ("advice: lowest child's score after", a => a.ContinuityAfter.Min.ToString("0.0", CultureInfo.InvariantCulture)),
    ];

    /// <summary>The year view's rows: each column's rota published after the history, and the hospital way of the same horizons.</summary>
    public static readonly IReadOnlyList<(string Label, Func<YearView, string> Value)> YearRows =
    [
        ("year: different adults a child met, mean (under-threes)", y => Figures(y.Published)),
        ("year: the most one child met", y => y.Published.MaxDistinct.ToString(CultureInfo.InvariantCulture)),
        ("year: adults per child per week, mean", y => y.Published.MeanDistinctPerWeek.ToString("0.0", CultureInfo.InvariantCulture)),
        ("year, the hospital way: different adults, mean (under-threes)", y => Figures(y.HospitalWay)),
        ("year, the hospital way: adults per child per week", y => y.HospitalWay.MeanDistinctPerWeek.ToString("0.0", CultureInfo.InvariantCulture)),
    ];

    public static Command Create()
    {
        var basePath = CliOptions.File("BASE", "the base planning problem (JSON)");
        var scenarioPaths = CliOptions.NoOptions(new Argument<string[]>("SCENARIO") { Description = "scenario files: changes to the base (docs/scenarios.md)", Arity = ArgumentArity.OneOrMore });
        var timeLimit = CliOptions.Number("--time-limit", "S", "seconds each scenario is solved for", 60, min: 0);
        var threads = CliOptions.Number("--threads", "N", "engine workers; by the problem's size when not given", 0, min: 0);
        var outPath = CliOptions.Out("REPORT", "write the report here (.md or .html) instead of printing it", required: false);
        var history = new Option<string[]>("--history")
        {
            Description = "published rotas before the base (files or folders, as the history command reads them): adds the year view, each column's rota published after them",
            HelpName = "FILE|DIR",
            AllowMultipleArgumentsPerToken = true,
        };
        var candidates = CliOptions.Text("--candidates", "CANDIDATES", "candidate hires (JSON, docs/formats.md): adds staffing advice for each column's home (the base's for the hospital way)", required: false);
        var target = new AdviceTargetArguments();
        var adviceTime = CliOptions.Number("--advice-time-limit", "S", "seconds each advice takes; the --time-limit when not given", 0, min: 0);
        var command = new Command("compare", "solve each scenario of the base and set them beside the base's hospital-way rota")
        {
            basePath, scenarioPaths, timeLimit, threads, outPath, history, candidates,
        };
        target.AddTo(command);
        command.Add(adviceTime);
        // A task of its own, so that on Ctrl+C the program can wait for it (Interrupt.Grace), not block inside it.
        command.SetAction((result, cancellation) => Task.Run(() =>
        {
            var seconds = result.GetValue(timeLimit);
            var advice = result.GetValue(candidates) is { } path ? new AdviceAsked(path, target.Target(result), result.GetValue(adviceTime) is > 0 and var s ? s : seconds) : null;
            return Run(
                result.GetRequiredValue(basePath), result.GetRequiredValue(scenarioPaths), seconds, (int)result.GetValue(threads), result.GetValue(outPath),
                result.GetValue(history), advice, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellation);
        }, CancellationToken.None));
        return command;
    }

    public static int Run(string basePath, IReadOnlyList<string> scenarioPaths, double seconds, int threads, string? outPath, IReadOnlyList<string>? historyPaths, AdviceAsked? advice, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        var baseProblem = Documents.Problem(basePath);
        // Read once, then against each column's home: they must fit the base, or nothing is solved; a scenario they do not fit has no advice, and says why.
        var candidatesText = advice is null ? null : Documents.ReadText(advice.CandidatesPath);
        if (advice is not null)
        {
            Documents.Unwrap(advice.CandidatesPath, CandidateReader.Read(candidatesText!, baseProblem));
        }

        var history = historyPaths is { Count: > 0 } ? PublishedRotas.Read(baseProblem, historyPaths) : null;
        YearView? Year(PlanningProblem problem, Rota rota) => history is null ? null : YearView.Of(history, problem, rota);
        var baseText = File.ReadAllText(basePath);
        var scenarios = scenarioPaths.Select(p => Documents.Scenario(p)).ToList();
        var problems = scenarios.Select((s, i) => Documents.Unwrap(scenarioPaths[i], ScenarioBuilder.Build(baseText, s))).ToList();
        var options = new SolveOptions
        {
            TimeLimit = TimeSpan.FromSeconds(seconds),
            Threads = threads,
        };
        var rates = new CostRates();
        var view = SolveViews.For(error, announce: true, everyImprovement: false);

        var hospitalWay = HospitalWay.Generate(baseProblem);
        var columns = new List<Column> { new("Hospital way (base)", "hospital-way", RotaFigures.Of(baseProblem, hospitalWay, rates), null, Year(baseProblem, hospitalWay)) };
        // Each column's solved rota, the advice's start: its plain solve then begins where the column's ended (none for the hospital way).
        var solved = new List<Rota?> { null };
        foreach (var (scenario, problem) in scenarios.Zip(problems))
        {
            if (cancellation.IsCancellationRequested)
            {
                break;
            }

            var solver = new RotaSolver(DefaultEngine.Create());
            var result = view.RunAsync($"Solving '{scenario.Name}' ({seconds:0} s)", options.TimeLimit, progress => solver.SolveAsync(problem, options, progress, cancellation)).GetAwaiter().GetResult();
            var note = result.Diagnosis.Count > 0 ? $"{scenario.Description} {string.Join(" ", result.Diagnosis)}" : scenario.Description;
            columns.Add(new Column(scenario.Name, $"solver, {JsonNames.Of(result.Status)}, gap {(result.Gap is { } g ? g.ToString("0%", CultureInfo.InvariantCulture) : "-")}", RotaFigures.Of(problem, result.Rota, rates), note, Year(problem, result.Rota)));
            solved.Add(result.Rota);
        }

        var conditions = $"Each scenario solved for {seconds:0} s ({(options.Threads > 0 ? $"{options.Threads} workers" : "workers by size")}), {DateTime.UtcNow:yyyy-MM-dd}.";
        if (columns[0].Year is { } year)
        {
            conditions += $" The year view: {history!.Count} published rota(s) with each column's rota published after them (on dates both cover, the column's), {year.From:uuuu-MM-dd} to {year.To:uuuu-MM-dd}, against the hospital way of the same horizons.";
        }

        if (advice is not null)
        {
            // Each column's home: the base for the hospital way, else its scenario's.
            var homes = problems.Prepend(baseProblem).ToList();
            for (var i = 0; i < columns.Count && !cancellation.IsCancellationRequested; i++)
            {
                columns[i] = Advised(columns[i], homes[i], candidatesText!, advice, options with { Start = solved[i] }, error, cancellation);
            }

            conditions += $" Staffing advice for each column's home (the base's for the hospital way): candidates from {Path.GetFileName(advice.CandidatesPath)}, target {AdviceWords.Target(advice.Target)}, {advice.Seconds:0} s each.";
        }

        if (cancellation.IsCancellationRequested)
        {
            // The last column solved (or advised) may have been stopped short: its figures are from its best rota then.
            var stopped = $"{columns.Count - 1} of {scenarios.Count} scenario(s) solved{(advice is null ? "" : $", {columns.Count(c => c.Advice is not null)} column(s) advised")}{(columns.Count > 1 ? ", the last perhaps short of its time" : "")}";
            conditions += $" Stopped early (interrupted): {stopped}.";
            Interrupt.Notice(error, cancellation, $"the report holds {stopped}");
        }

        var report = outPath?.EndsWith(".html", StringComparison.OrdinalIgnoreCase) == true ? Html(columns, rates, conditions) : Markdown(columns, rates, conditions);
        if (outPath is not null)
        {
            Documents.Write(outPath, report);
            output.WriteLine($"Comparison written to {outPath}");
        }
        else
        {
            output.Write(report);
        }

        return ExitCodes.Ok;
    }

    /// <summary>The column with its home's staffing advice, or with a note saying why there is none (the candidates do not fit the home).</summary>
    private static Column Advised(Column column, PlanningProblem home, string candidatesText, AdviceAsked advice, SolveOptions options, TextWriter error, CancellationToken cancellation)
    {
        var candidates = CandidateReader.Read(candidatesText, home);
        if (!candidates.Succeeded)
        {
            var why = $"No advice: the candidates do not fit this home ({string.Join("; ", candidates.Errors)}).";
            return column with { Note = column.Note is null ? why : $"{column.Note} {why}" };
        }

        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Advising '{column.Name}' ({advice.Seconds:0} s) ..."));
        var adviceOptions = new AdviceOptions { Solve = options with { TimeLimit = TimeSpan.FromSeconds(advice.Seconds) }, Target = advice.Target };
        var result = new AdviceSolver(DefaultEngine.Create()).AdviseAsync(home, candidates.Value!, adviceOptions, cancellation).GetAwaiter().GetResult();
        return column with { Advice = result };
    }

    public static string Markdown(IReadOnlyList<Column> columns, CostRates rates, string conditions)
    {
        var text = new StringBuilder();
        text.AppendLine(conditions).AppendLine();
        text.AppendLine($"| | {string.Join(" | ", columns.Select(c => c.Name))} |");
        text.AppendLine($"|---|{string.Concat(columns.Select(_ => "---|"))}");
        text.AppendLine($"| made by | {string.Join(" | ", columns.Select(c => c.MadeBy))} |");
        foreach (var row in ComparisonRow.All)
        {
            text.AppendLine($"| {row.Label} | {string.Join(" | ", columns.Select(c => c.Figures is { } f ? row.Value(f) : "–"))} |");
        }

        foreach (var (label, value) in columns.Any(c => c.Year is not null) ? YearRows : [])
        {
            text.AppendLine($"| {label} | {string.Join(" | ", columns.Select(c => c.Year is { } y ? value(y) : "–"))} |");
        }

        foreach (var (label, value) in columns.Any(c => c.Advice is not null) ? AdviceRows : [])
        {
            text.AppendLine($"| {label} | {string.Join(" | ", columns.Select(c => c.Advice is { } a ? value(a) : "–"))} |");
        }

        text.AppendLine();
        foreach (var column in columns.Where(c => c.Note is not null))
        {
            text.AppendLine($"- **{column.Name}**: {column.Note}");
        }

        text.AppendLine($"- Cost at {rates.Day:0.##} per paid hour by day, {rates.WakingNight:0.##} on waking nights, {rates.SleepIn:0.##} on sleep-ins (their paid-time factor applied).");
        return text.ToString();
    }

    public static string Html(IReadOnlyList<Column> columns, CostRates rates, string conditions)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Scenario comparison</title>");
        html.Append("<style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th:first-child,td:first-child{text-align:left}</style></head><body>");
        html.Append($"<h1>Scenario comparison</h1><p>{E(conditions)}</p><table><tr><th></th>");
        html.Append(string.Concat(columns.Select(c => $"<th>{E(c.Name)}</th>"))).Append("</tr><tr><td>made by</td>");
        html.Append(string.Concat(columns.Select(c => $"<td>{E(c.MadeBy)}</td>"))).Append("</tr>");
        foreach (var row in ComparisonRow.All)
        {
            html.Append($"<tr><td>{E(row.Label)}</td>").Append(string.Concat(columns.Select(c => $"<td>{E(c.Figures is { } f ? row.Value(f) : "–")}</td>"))).Append("</tr>");
        }

        foreach (var (label, value) in columns.Any(c => c.Year is not null) ? YearRows : [])
        {
            html.Append($"<tr><td>{E(label)}</td>").Append(string.Concat(columns.Select(c => $"<td>{E(c.Year is { } y ? value(y) : "–")}</td>"))).Append("</tr>");
        }

        foreach (var (label, value) in columns.Any(c => c.Advice is not null) ? AdviceRows : [])
        {
            html.Append($"<tr><td>{E(label)}</td>").Append(string.Concat(columns.Select(c => $"<td>{E(c.Advice is { } a ? value(a) : "–")}</td>"))).Append("</tr>");
        }

        html.Append("</table><ul>");
        html.Append(string.Concat(columns.Where(c => c.Note is not null).Select(c => $"<li><b>{E(c.Name)}</b>: {E(c.Note!)}</li>")));
        html.Append($"<li>Cost at {rates.Day:0.##} per paid hour by day, {rates.WakingNight:0.##} on waking nights, {rates.SleepIn:0.##} on sleep-ins.</li></ul></body></html>");
        return html.ToString();
    }

    private static string Figures(YearFigures figures) =>
        figures.MeanDistinct.ToString("0.0", CultureInfo.InvariantCulture) + (figures.UnderThreeMeanDistinct is { } u ? $" ({u.ToString("0.0", CultureInfo.InvariantCulture)})" : "");
}
