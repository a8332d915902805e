using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Shifts;
using ContinuityScheduler.Solver.Engine;
using NodaTime;

namespace ContinuityScheduler.Solver.Model;

/// <summary>
/// Builds the <see cref="RotaModel"/>: the allowed assignments (skills, allowed groups, absences, shift length,
/// pins and rest against history filter them), then one method per hard rule adds its rows (RotaModelBuilder.Rules.cs),
/// then one method per objective term adds its prices (RotaModelBuilder.Objective.cs). A rule the institution
/// switched off or made soft adds no rows.
/// </summary>
public sealed partial class RotaModelBuilder
{
    private readonly PlanningProblem problem;
    private readonly ObjectiveWeights weights;
    private readonly MipModel mip;
    private readonly ShiftCalendar calendar;
    private readonly Dictionary<AssignmentKey, Variable> assignments = [];
    private readonly Dictionary<(string Caregiver, LocalDate Date), List<Cell>> byDay = [];
    private readonly List<(Variable, Func<double[], double>)> auxiliaries = [];
    private readonly IReadOnlyDictionary<string, CaregiverTimeline> history;
    private readonly RepairReference? reference;
    private readonly Hiring? hiring;

    private readonly Dictionary<AssignmentKey, string> excluded = [];
    private readonly List<Term> broken = [];
    private readonly List<Term> uncovered = [];
    private readonly List<Term> changed = [];
    private readonly HashSet<string> unavoidable = [];
    private readonly List<Term> hires = [];

    /// <summary>In advice, each candidate copy's "hired" column.</summary>
    private readonly Dictionary<string, Variable> hired = [];

    /// <summary>Each post and date: the working hours of its people and the shortfall column.</summary>
    private readonly Dictionary<(string DemandId, LocalDate Date), (double Hours, Variable Shortfall)> shortfalls = [];

    /// <summary>Each permanent caregiver's contract minimum in hours and the slack by which it may be broken.</summary>
    private readonly Dictionary<string, (double Hours, Variable Slack)> contractSlacks = [];

    private RotaModelBuilder(PlanningProblem problem, ObjectiveWeights weights, RepairReference? reference, Hiring? hiring)
    {
        this.problem = problem;
        this.reference = reference;
        this.hiring = hiring;
        mip = new MipModel { ElasticCost = 0 };
        this.weights = weights;
        calendar = new ShiftCalendar(problem);
        history = new ResolvedRota(problem, new Rota([], "history")).Timelines;
    }

    /// <summary>
    /// The model with its objective levels: first the rules' minimums it cannot keep (contract hours below their
    /// minimum, required pins missing: the only rules no rota may be able to keep, since every other rule is kept by
    /// working less), then the posts left uncovered, in advice the hires, in a repair the changes, and then the objective.
    /// </summary>
    /// <param name="reference">For a repair: the published rota, whose every change is priced.</param>
    /// <param name="hiring">For advice: the problem's caregivers that are candidates, who work only when hired.</param>
    public static RotaModel Build(PlanningProblem problem, ObjectiveWeights? weights = null, RepairReference? reference = null, Hiring? hiring = null)
    {
        var builder = new RotaModelBuilder(problem, weights ?? ObjectiveWeights.Default, reference, hiring);
        builder.AddAssignments();
        builder.AddHires();
        builder.UnmetPins();
        builder.AddRules();
        builder.AddObjective();
        builder.mip.AddLevel(RotaModel.BrokenLevel, builder.broken);
        builder.mip.AddLevel(RotaModel.UncoveredLevel, builder.uncovered);
        if (hiring is not null)
        {
            builder.mip.AddLevel(RotaModel.HiresLevel, builder.hires);
        }

        if (reference is not null)
        {
            builder.mip.AddLevel(RotaModel.ChangesLevel, builder.changed);
        }

        return new RotaModel(problem, builder.mip, builder.assignments, builder.auxiliaries, builder.excluded, builder.unavoidable) { Hired = builder.hired };
    }

    /// <summary>One assignment column with what the rules need to know about it.</summary>
    private sealed record Cell(Variable Variable, string CaregiverId, LocalDate Date, Demand Demand, ShiftType Type, Interval Interval)
    {
        public double WorkingHours => Interval.Duration.TotalHours * Type.WorkingTimeFactor;
    }

    private IEnumerable<Caregiver> Caregivers => problem.Caregivers;

    private Horizon Horizon => problem.Horizon;

    private IReadOnlyList<Cell> On(string caregiverId, LocalDate date) =>
        byDay.TryGetValue((caregiverId, date), out var cells) ? cells : [];

    /// <summary>The settings of a rule the model must keep, or null when it is off or soft.</summary>
    private RuleSettings? Hard(string code)
    {
        var settings = problem.Institution.LabourRules[code];
        return settings.IsHard ? settings : null;
    }

    private RuleContext Context(string code) =>
        new(problem, RuleSet.Find(code)!.Definition, problem.Institution.LabourRules[code]);

    /// <summary>An auxiliary column whose value follows from the assignments; <paramref name="value"/> says how, for pricing any rota.</summary>
    private Variable Auxiliary(Variable variable, Func<double[], double> value)
    {
        auxiliaries.Add((variable, value));
        return variable;
    }

    private static double Sum(double[] values, IEnumerable<Cell> cells) => cells.Sum(c => values[c.Variable.Index]);

    private static IEnumerable<Term> Terms(IEnumerable<Cell> cells, double coefficient = 1) =>
        cells.Select(c => new Term(coefficient, c.Variable));

    private void AddAssignments()
    {
        var pins = problem.Pins.Where(p => Horizon.Contains(p.Date)).ToList();
        foreach (var date in Horizon.Dates)
        {
            foreach (var demand in problem.Demands.Where(d => d.AppliesOn(date)))
            {
                var type = problem.ShiftTypeOf(demand);
                var interval = calendar.Of(date, type);
                foreach (var caregiver in Caregivers)
                {
                    var assignment = new Assignment(caregiver.Id, date, demand.Id);
                    var required = pins.Any(p => p.Kind == PinKind.Require && p.Matches(assignment));
                    var key = new AssignmentKey(caregiver.Id, date, demand.Id);
                    var ruledOut = pins.Any(p => p.Kind == PinKind.Forbid && p.Matches(assignment)) && Hard("pins") is not null ? "pins" : RuledOut(caregiver, date, demand, type, interval);
                    if (ruledOut is not null)
                    {
                        excluded[key] = ruledOut;
                        continue;
                    }

                    var variable = mip.AddBinary();
                    if (required && Hard("pins") is not null)
                    {
                        // A required pin holds unless it cannot (a clash with another pin or a rule): then it is a broken minimum.
                        Minimum("pins", [variable], 1, $"{caregiver.Id} pinned to {demand.Id} on {date:uuuu-MM-dd}");
                    }

                    assignments[key] = variable;
                    if (!byDay.TryGetValue((caregiver.Id, date), out var cells))
                    {
                        byDay[(caregiver.Id, date)] = cells = [];
                    }

                    cells.Add(new Cell(variable, caregiver.Id, date, demand, type, interval));
                }
            }
        }
    }

    /// <summary>A required pin without a column (ruled out, or its post does not apply that day) can never be met.</summary>
    private void UnmetPins()
    {
        if (Hard("pins") is null)
        {
            return;
        }

        foreach (var pin in problem.Pins.Where(p => p.Kind == PinKind.Require && Horizon.Contains(p.Date)))
        {
            if (!assignments.ContainsKey(new AssignmentKey(pin.CaregiverId, pin.Date, pin.DemandId!)))
            {
                Unavoidable("pins");
            }
        }
    }

    /// <summary>The hard rule that forbids one assignment on its own, checked before a column is made; null when none does.</summary>
    private string? RuledOut(Caregiver caregiver, LocalDate date, Demand demand, ShiftType type, Interval interval)
    {
        if (Hard("skills") is { } skills && demand.Skills.Count(s => !caregiver.Skills.Contains(s)) > skills.Limit)
        {
            return "skills";
        }

        if (Hard("allowed-groups") is { } groups && demand.GroupIds.Count(g => !caregiver.MayWorkIn(g)) > groups.Limit)
        {
            return "allowed-groups";
        }

        if (Hard("absence") is { } absence && Enumerable.Range(0, Math.Max(1, type.EndDayOffset)).Count(d => caregiver.AbsenceOn(date.PlusDays(d)) is not null) > absence.Limit)
        {
            return "absence";
        }

        if (Hard("max-shift-length") is { } length)
        {
            var tooLong = type.Kind == ShiftKind.LiveIn
                ? !problem.Institution.LabourRules.ResidentialDerogation
                : interval.Duration.TotalHours > length.Limit + Tolerance;
            if (tooLong)
            {
                return "max-shift-length";
            }
        }

        return history[caregiver.Id].Shifts.Select(past => Conflict(past.Interval, past.ShiftType, interval, type)).FirstOrDefault(rule => rule is not null);
    }

    /// <summary>The hard rule by which two shifts of one caregiver cannot both be worked (overlap, rest, rest after a live-in); null when they can.</summary>
    private string? Conflict(Interval a, ShiftType aType, Interval b, ShiftType bType)
    {
        var (first, firstType, second) = a.Start <= b.Start ? (a, aType, b) : (b, bType, a);
        if (second.Start < first.End)
        {
            // Overlap in hours, as no-overlap measures it: to the earlier end of the two.
            var overlap = ((first.End < second.End ? first.End : second.End) - second.Start).TotalHours;
            return Hard("no-overlap") is { } noOverlap && overlap > noOverlap.Limit ? "no-overlap" : null;
        }

        var rest = (second.Start - first.End).TotalHours;
        if (Hard("min-rest") is { } minRest && rest < minRest.Limit)
        {
            return "min-rest";
        }

        var rules = problem.Institution.LabourRules;
        return firstType.Kind == ShiftKind.LiveIn && rules.ResidentialDerogation && Hard("max-shift-length") is not null && rest < rules.CompensatoryRestHours
            ? "max-shift-length"
            : null;
    }

    /// <summary>A minimum a rule sets (Σ terms ≥ least): kept when it can be, otherwise broken by a slack the first level minimises.</summary>
    private Variable Minimum(string rule, IEnumerable<Term> terms, double least, string label)
    {
        var slack = mip.AddElastic(rule, terms, Sense.GreaterOrEqual, least, label);
        broken.Add(slack);
        return slack;
    }

    /// <summary>A rule no rota can keep (history already breaks it, or a pin requires what no rule allows): the model says so.</summary>
    private void Unavoidable(string rule) => unavoidable.Add(rule);

    /// <summary>Sums of hours are compared with this much room, as the validator does.</summary>
    private const double Tolerance = 1e-6;
}
