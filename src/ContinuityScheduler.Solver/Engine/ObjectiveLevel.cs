namespace ContinuityScheduler.Solver.Engine;

/// <summary>An objective minimised before the model's main one and held at its best while the later ones are minimised.</summary>
public sealed record ObjectiveLevel(string Name, IReadOnlyList<Term> Terms)
{
    public double Evaluate(IReadOnlyList<double> values) => Terms.Sum(t => t.Coefficient * values[t.Variable.Index]);
}
