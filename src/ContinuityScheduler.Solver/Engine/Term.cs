namespace ContinuityScheduler.Solver.Engine;

/// <summary>A coefficient times a variable, one summand of a linear expression.</summary>
public readonly record struct Term(double Coefficient, Variable Variable)
{
    public static Term operator *(double coefficient, Term term) => new(coefficient * term.Coefficient, term.Variable);

    public static implicit operator Term(Variable variable) => new(1, variable);
}
