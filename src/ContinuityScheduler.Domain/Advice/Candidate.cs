using ContinuityScheduler.Domain.Model;

namespace ContinuityScheduler.Domain.Advice;

/// <summary>
/// A caregiver profile a home might hire, offered to staffing advice: contract, skills, the groups they may work in,
/// the price of one hire and the ids of the copies that may be hired (as many as the profile's maximum count).
/// </summary>
public sealed record Candidate
{
    public Candidate(string? id, Contract contract, IEnumerable<string>? skills, IEnumerable<string>? allowedGroups, IEnumerable<string> copyIds, double price = 1, string? like = null)
    {
        Id = id;
        Contract = Guard.NotNull(contract, nameof(contract));
        Skills = new HashSet<string>(skills ?? [], StringComparer.Ordinal);
        AllowedGroups = new HashSet<string>(allowedGroups ?? [], StringComparer.Ordinal);
        CopyIds = Guard.List(copyIds, nameof(copyIds));
        if (CopyIds.Count == 0)
        {
            throw new ArgumentException("A candidate may be hired at least once.", nameof(copyIds));
        }

        Price = Guard.NonNegative(price, nameof(price));
        Like = like;
    }

    /// <summary>A named profile whose copies are numbered <c>id-1</c>, <c>id-2</c>, … up to its maximum count.</summary>
    public static Candidate Named(string id, Contract contract, IEnumerable<string>? skills, IEnumerable<string>? allowedGroups, int maxCount = 1, double price = 1) =>
        new(id, contract, skills, allowedGroups, Enumerable.Range(1, Guard.Positive(maxCount, nameof(maxCount))).Select(i => $"{id}-{i}"), price);

    /// <summary>The profile's id; null for an unnamed one.</summary>
    public string? Id { get; }

    public Contract Contract { get; }

    public IReadOnlySet<string> Skills { get; }

    /// <summary>The groups a hire may work in; empty means any group.</summary>
    public IReadOnlySet<string> AllowedGroups { get; }

    /// <summary>The caregiver ids of the copies that may be hired, in the order they are hired.</summary>
    public IReadOnlyList<string> CopyIds { get; }

    public int MaxCount => CopyIds.Count;

    public double Price { get; }

    /// <summary>The existing caregiver this profile copies, if it was given as "like" one.</summary>
    public string? Like { get; }

    /// <summary>Every copy as a caregiver with no absences and no wishes.</summary>
    public IEnumerable<Caregiver> Copies() =>
        CopyIds.Select(id => new Caregiver(id, $"Candidate {id}", Contract, Skills, AllowedGroups));

    /// <summary>The problem with the given copies of candidates added as caregivers (all of them by default).</summary>
    public static PlanningProblem WithHires(PlanningProblem problem, IEnumerable<Candidate> candidates, IReadOnlySet<string>? hired = null)
    {
        var added = candidates.SelectMany(c => c.Copies()).Where(c => hired is null || hired.Contains(c.Id));
        return new PlanningProblem(problem.Institution, problem.Horizon, problem.Groups, problem.Children, [.. problem.Caregivers, .. added],
            problem.ShiftTypes, problem.Demands, problem.History, problem.Pins);
    }
}
