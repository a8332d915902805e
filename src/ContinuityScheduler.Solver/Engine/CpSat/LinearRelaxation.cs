using LinearSolver = Google.OrTools.LinearSolver;

namespace ContinuityScheduler.Solver.Engine.CpSat;

/// <summary>
/// The bound of a model's linear relaxation, from OR-Tools' PDLP (a first-order method: a few seconds where simplex
/// takes a minute on a four-week home), made rigorous: whatever the accuracy of PDLP's duals y, the bound reported is
/// their Lagrangian value, Σ_i y_i·(the side of row i that y_i's sign makes binding) + Σ_j min over [l_j, u_j] of
/// (c_j − Σ_i y_i·a_ij)·x_j, which no solution of the model can undercut. Held levels are rows too.
/// </summary>
internal static class LinearRelaxation
{
    public static double? Bound(MipModel model, IReadOnlyList<(IReadOnlyList<Term> Terms, double AtMost)> holds, TimeSpan limit, CancellationToken cancellation)
    {
        using var solver = LinearSolver.Solver.CreateSolver("PDLP");
        if (solver is null)
        {
            return null;
        }

        var columns = model.Variables.Select(v => solver.MakeNumVar(v.Lower, v.Upper, "")).ToArray();
        var rows = new List<(LinearSolver.Constraint Row, IReadOnlyList<Term> Terms, double Lower, double Upper)>();
        foreach (var row in model.Constraints)
        {
            var (lower, upper) = row.Sense switch
            {
                Sense.LessOrEqual => (double.NegativeInfinity, row.RightHandSide),
                Sense.GreaterOrEqual => (row.RightHandSide, double.PositiveInfinity),
                _ => (row.RightHandSide, row.RightHandSide),
            };
            rows.Add((Row(solver, columns, row.Terms, lower, upper), row.Terms, lower, upper));
        }

        foreach (var (terms, atMost) in holds)
        {
            rows.Add((Row(solver, columns, terms, double.NegativeInfinity, atMost), terms, double.NegativeInfinity, atMost));
        }

        var objective = solver.Objective();
        for (var j = 0; j < columns.Length; j++)
        {
            objective.SetCoefficient(columns[j], model.Objective[j]);
        }

        objective.SetMinimization();
        solver.SetTimeLimit((long)Math.Max(1, limit.TotalMilliseconds));
        using var stop = cancellation.Register(() => solver.InterruptSolve());
        var status = solver.Solve();
        if (status is not (LinearSolver.Solver.ResultStatus.OPTIMAL or LinearSolver.Solver.ResultStatus.FEASIBLE))
        {
            return null;
        }

        // Weak duality on the duals as they are: a dual whose binding side is infinite is taken as 0.
        var reduced = model.Objective.ToArray();
        var bound = model.ObjectiveConstant;
        foreach (var (row, terms, lower, upper) in rows)
        {
            var y = row.DualValue();
            var side = y > 0 ? lower : upper;
            if (y == 0 || double.IsInfinity(side) || double.IsNaN(y))
            {
                continue;
            }

            bound += y * side;
            foreach (var term in terms)
            {
                reduced[term.Variable.Index] -= y * term.Coefficient;
            }
        }

        for (var j = 0; j < reduced.Length; j++)
        {
            var variable = model.Variables[j];
            bound += reduced[j] * (reduced[j] >= 0 ? variable.Lower : variable.Upper);
        }

        // Floating-point sums of thousands of products: keep a margin far above their error.
        return bound - (1e-7 * Math.Max(1, Math.Abs(bound)));
    }

    private static LinearSolver.Constraint Row(LinearSolver.Solver solver, LinearSolver.Variable[] columns, IEnumerable<Term> terms, double lower, double upper)
    {
        var row = solver.MakeConstraint(lower, upper);
        foreach (var term in terms)
        {
            row.SetCoefficient(columns[term.Variable.Index], term.Coefficient);
        }

        return row;
    }
}
