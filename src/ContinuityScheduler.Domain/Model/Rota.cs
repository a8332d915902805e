namespace ContinuityScheduler.Domain.Model;

/// <summary>The assignments of a horizon, and how they were made ("hospital-way", "solver", "manual", ...).</summary>
public sealed record Rota
{
    public Rota(IEnumerable<Assignment> assignments, string madeBy = "manual")
    {
        Assignments = Guard.List(assignments, nameof(assignments));
        MadeBy = Guard.NotBlank(madeBy, nameof(madeBy));
    }

    public IReadOnlyList<Assignment> Assignments { get; }

    public string MadeBy { get; }
}
