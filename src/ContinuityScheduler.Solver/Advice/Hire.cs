using ContinuityScheduler.Domain.Advice;

namespace ContinuityScheduler.Solver.Advice;

/// <summary>A profile the advice hires, how many of it, and the caregiver ids of those hires in its rota.</summary>
public sealed record Hire(Candidate Candidate, IReadOnlyList<string> CopyIds)
{
    public int Count => CopyIds.Count;

    public double Cost => Count * Candidate.Price;
}
