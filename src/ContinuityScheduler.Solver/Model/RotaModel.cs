using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Solver.Engine;

namespace ContinuityScheduler.Solver.Model;

/// <summary>
/// The rota as a mixed-integer model: one binary per allowed assignment, the rows of every enabled hard rule and
/// the priced objective terms. It turns an engine's values into a rota and a rota into values, auxiliary columns
/// set to what the rota implies, so any rota can be priced exactly as the engine prices it or used as a start.
/// </summary>
public sealed class RotaModel
{
    private readonly List<(Variable Variable, Func<double[], double> Value)> auxiliaries;

    internal RotaModel(PlanningProblem problem, MipModel mip, IReadOnlyDictionary<AssignmentKey, Variable> assignments, List<(Variable, Func<double[], double>)> auxiliaries)
    {
        Problem = problem;
        Mip = mip;
        Assignments = assignments;
        this.auxiliaries = auxiliaries;
    }

    public PlanningProblem Problem { get; }

    public MipModel Mip { get; }

    /// <summary>The assignment columns; an assignment not here is not allowed by some rule.</summary>
    public IReadOnlyDictionary<AssignmentKey, Variable> Assignments { get; }

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

        // In an elastic model each slack takes up what its row is short of, so every rota is a feasible start.
        foreach (var (slack, row) in Mip.Slacks)
        {
            var lhs = row.Terms.Where(t => t.Variable.Index != slack.Index).Sum(t => t.Coefficient * values[t.Variable.Index]);
            values[slack.Index] = Math.Max(0, row.Sense == Engine.Sense.LessOrEqual ? lhs - row.RightHandSide : row.RightHandSide - lhs);
        }

        return values;
    }

    /// <summary>Whether every assignment of the rota has a column (nothing the model rules out).</summary>
    public bool Covers(Rota rota) =>
        rota.Assignments.All(a => Assignments.ContainsKey(new AssignmentKey(a.CaregiverId, a.Date, a.DemandId)));
}
