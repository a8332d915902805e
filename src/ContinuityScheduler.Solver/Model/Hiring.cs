using ContinuityScheduler.Domain.Advice;

namespace ContinuityScheduler.Solver.Model;

/// <summary>
/// Which caregivers of an advice problem are candidates: each copy's weight on the hires level (1 to count hires, its
/// price to cost them), and each profile's copies in the order they are hired (copies are alike: the first goes first).
/// </summary>
public sealed record Hiring(IReadOnlyDictionary<string, double> Weights, IReadOnlyList<IReadOnlyList<string>> Profiles)
{
    public static Hiring Of(IEnumerable<Candidate> candidates, bool byCost)
    {
        var list = candidates.ToList();
        var weights = list.SelectMany(c => c.CopyIds.Select(id => (id, Weight: byCost ? c.Price : 1))).ToDictionary(p => p.id, p => p.Weight, StringComparer.Ordinal);
        return new Hiring(weights, [.. list.Select(c => c.CopyIds)]);
    }
}
