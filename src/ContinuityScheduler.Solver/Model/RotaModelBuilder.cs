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

    private RotaModelBuilder(PlanningProblem problem, ObjectiveWeights weights, bool elastic, RepairReference? reference)
    {
        this.problem = problem;
        this.reference = reference;
        mip = new MipModel { ElasticRules = elastic ? ElasticRules : new HashSet<string>() };
        this.weights = weights;
        calendar = new ShiftCalendar(problem);
        history = new ResolvedRota(problem, new Rota([], "history")).Timelines;
    }

    /// <summary>The rules an elastic model may break at a price, to find out which ones leave no rota.</summary>
    public static IReadOnlySet<string> ElasticRules { get; } = new HashSet<string>
    {
        "weekly-rest", "max-weekly-hours", "average-weekly-hours", "max-consecutive-days", "max-consecutive-nights",
        "max-nights", "contract-hours", "free-weekends", "relief-share",
    };

    /// <param name="elastic">Give the rules in <see cref="ElasticRules"/> priced slacks, so the model always has a solution whose slacks say what cannot be kept.</param>
    /// <param name="reference">For a repair: the published rota, whose every change is priced.</param>
    public static RotaModel Build(PlanningProblem problem, ObjectiveWeights? weights = null, bool elastic = false, RepairReference? reference = null)
    {
        var builder = new RotaModelBuilder(problem, weights ?? ObjectiveWeights.Default, elastic, reference);
        builder.AddAssignments();
        builder.AddRules();
        builder.AddObjective();
        return new RotaModel(problem, builder.mip, builder.assignments, builder.auxiliaries);
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
                    var forbidden = pins.Any(p => p.Kind == PinKind.Forbid && p.Matches(assignment));
                    if (!required && (forbidden || !Allowed(caregiver, date, demand, type, interval)))
                    {
                        continue;
                    }

                    var variable = required ? mip.AddInteger(1, 1) : mip.AddBinary();
                    assignments[new AssignmentKey(caregiver.Id, date, demand.Id)] = variable;
                    var key = (caregiver.Id, date);
                    if (!byDay.TryGetValue(key, out var cells))
                    {
                        byDay[key] = cells = [];
                    }

                    cells.Add(new Cell(variable, caregiver.Id, date, demand, type, interval));
                }
            }
        }
    }

    /// <summary>The rules that judge one assignment on its own, applied before a column is made.</summary>
    private bool Allowed(Caregiver caregiver, LocalDate date, Demand demand, ShiftType type, Interval interval)
    {
        if (Hard("skills") is not null && !caregiver.HasSkills(demand.Skills))
        {
            return false;
        }

        if (Hard("allowed-groups") is not null && !demand.GroupIds.All(caregiver.MayWorkIn))
        {
            return false;
        }

        if (Hard("absence") is not null && Enumerable.Range(0, Math.Max(1, type.EndDayOffset)).Any(d => caregiver.AbsenceOn(date.PlusDays(d)) is not null))
        {
            return false;
        }

        if (Hard("max-shift-length") is { } length)
        {
            var tooLong = type.Kind == ShiftKind.LiveIn
                ? !problem.Institution.LabourRules.ResidentialDerogation
                : interval.Duration.TotalHours > length.Limit + 1e-6;
            if (tooLong)
            {
                return false;
            }
        }

        return !history[caregiver.Id].Shifts.Any(past => Conflict(past.Interval, past.ShiftType, interval, type));
    }

    /// <summary>Whether two shifts of one caregiver cannot both be worked: they overlap, or the rest between them is too short.</summary>
    private bool Conflict(Interval a, ShiftType aType, Interval b, ShiftType bType)
    {
        var rest = ShiftCalendar.RestBetween(a, b);
        if (rest < 0)
        {
            return Hard("no-overlap") is not null || Hard("min-rest") is not null;
        }

        if (Hard("min-rest") is { } minRest && rest < minRest.Limit)
        {
            return true;
        }

        var first = a.Start <= b.Start ? aType : bType;
        var rules = problem.Institution.LabourRules;
        return first.Kind == ShiftKind.LiveIn && rules.ResidentialDerogation && Hard("max-shift-length") is not null && rest < rules.CompensatoryRestHours;
    }
}
