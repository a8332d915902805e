using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Solver.Engine;

namespace ContinuityScheduler.Solver.Model;

/// <summary>
/// The rota as an integer linear model: one binary per allowed assignment, the rows of every enabled hard rule, the
/// objective's priced terms and its levels. It turns the engine's values into a rota and a rota into values, auxiliary
/// columns set to what the rota implies, so any rota can be priced exactly as the engine prices it or used as a start,
/// and it says which rules a rota breaks in the model's eyes, to be compared with the validator's.
/// </summary>
public sealed class RotaModel
{
    /// <summary>The first level: what the rules' minimums (contract hours, required pins) are short of.</summary>
    public const string BrokenLevel = "broken-minimums";

    /// <summary>The second level: person-shifts left uncovered.</summary>
    public const string UncoveredLevel = "uncovered";

    /// <summary>In advice, the level after the uncovered: the candidates hired, counted or priced.</summary>
    public const string HiresLevel = "hires";

    /// <summary>In a repair, the third level: assignments added to or taken from the published rota.</summary>
    public const string ChangesLevel = "changes";

    private readonly List<(Variable Variable, Func<double[], double> Value)> auxiliaries;
    private readonly IReadOnlyDictionary<AssignmentKey, string> excluded;

    internal RotaModel(PlanningProblem problem, MipModel mip, IReadOnlyDictionary<AssignmentKey, Variable> assignments, List<(Variable, Func<double[], double>)> auxiliaries, IReadOnlyDictionary<AssignmentKey, string> excluded, IReadOnlySet<string> unavoidable)
    {
        Unavoidable = unavoidable;
        Problem = problem;
        Mip = mip;
        Assignments = assignments;
        this.auxiliaries = auxiliaries;
        this.excluded = excluded;
    }

    public PlanningProblem Problem { get; }

    public MipModel Mip { get; }

    /// <summary>The assignment columns; an assignment not here is not allowed by some rule.</summary>
    public IReadOnlyDictionary<AssignmentKey, Variable> Assignments { get; }

    /// <summary>Rules no rota can keep: history already breaks them (an average, nights, weekends), or a pin requires what no rule allows.</summary>
    public IReadOnlySet<string> Unavoidable { get; }

    /// <summary>In advice, each candidate copy's "hired" column by caregiver id; empty otherwise.</summary>
    public IReadOnlyDictionary<string, Variable> Hired { get; init; } = new Dictionary<string, Variable>();

    public Rota RotaFrom(IReadOnlyList<double> values, string madeBy) =>
        new(Assignments.Where(a => values[a.Value.Index] > 0.5).Select(a => new Assignment(a.Key.CaregiverId, a.Key.Date, a.Key.DemandId)), madeBy);

    /// <summary>The values of every column for a rota: its assignments, and auxiliaries at the least the rows allow.</summary>
    public double[] ValuesFor(Rota rota)
    {
        var values = new double[Mip.Variables.Count];
        foreach (var assignment in rota.Assignments)
        {
            if (Assignments.TryGetValue(new AssignmentKey(assignment.CaregiverId, assignment.Date, assignment.DemandId), out var column))
            {
                values[column.Index] = 1;
            }
        }

        foreach (var (variable, value) in auxiliaries)
        {
            values[variable.Index] = value(values);
        }

        // Each slack takes up what its row is short of, so every rota is a start that keeps the rows.
        foreach (var (slack, row) in Mip.Slacks)
        {
            var lhs = row.Terms.Where(t => t.Variable.Index != slack.Index).Sum(t => t.Coefficient * values[t.Variable.Index]);
            values[slack.Index] = Math.Max(0, row.Sense == Sense.LessOrEqual ? lhs - row.RightHandSide : row.RightHandSide - lhs);
        }

        return values;
    }

    /// <summary>
    /// The rules a rota breaks as the model sees them: the rule that ruled out each assignment it has no column for,
    /// the rule of every row its values break, and the rule of every minimum whose slack it needs.
    /// </summary>
    public IReadOnlySet<string> Breaks(Rota rota)
    {
        var rules = new HashSet<string>(Unavoidable, StringComparer.Ordinal);
        foreach (var assignment in rota.Assignments)
        {
            if (excluded.TryGetValue(new AssignmentKey(assignment.CaregiverId, assignment.Date, assignment.DemandId), out var rule))
            {
                rules.Add(rule);
            }
        }

        var values = ValuesFor(rota);
        rules.UnionWith(Mip.Violated(values).Select(row => row.Rule));
        rules.UnionWith(Mip.Slacks.Where(s => values[s.Slack.Index] > 1e-6).Select(s => s.Row.Rule));
        return rules;
    }
}
