namespace ContinuityScheduler.Solver.Engine;

/// <summary>A linear row: Σ terms (sense) right-hand side, named after the rule it models, with who and when it is about.</summary>
public sealed record Constraint(string Rule, IReadOnlyList<Term> Terms, Sense Sense, double RightHandSide, string? Label = null);
