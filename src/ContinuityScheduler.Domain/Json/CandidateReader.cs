using ContinuityScheduler.Domain.Advice;
using ContinuityScheduler.Domain.Model;

namespace ContinuityScheduler.Domain.Json;

/// <summary>
/// Reads a candidates file (docs/formats.md): the profiles staffing advice may hire, each given outright or "like" an
/// existing caregiver of the problem, every error with its JSON path.
/// </summary>
public static class CandidateReader
{
    /// <summary>The most copies one profile may offer: advice is about a few hires, not a new home.</summary>
    public const int MaxCountLimit = 20;

    public static LoadResult<IReadOnlyList<Candidate>> Read(string json, PlanningProblem problem) => JsonField.ReadDocument<IReadOnlyList<Candidate>>(json, root =>
    {
        if (!root.IsObject("candidates"))
        {
            return null;
        }

        var taken = problem.Caregivers.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var unnamed = 0;
        var candidates = new List<Candidate?>();
        foreach (var node in root.Items("candidates", required: true))
        {
            candidates.Add(ReadCandidate(node, problem, taken, ref unnamed));
        }

        if (root.Errors.Count == 0 && candidates.Count == 0)
        {
            root.Error("Offer at least one candidate.");
        }

        return root.Errors.Count == 0 ? [.. candidates.OfType<Candidate>()] : null;
    });

    private static Candidate? ReadCandidate(JsonField node, PlanningProblem problem, HashSet<string> taken, ref int unnamed)
    {
        if (!node.IsObject("id", "like", "contract", "skills", "allowedGroups", "price", "maxCount"))
        {
            return null;
        }

        var id = node.Property("id", required: false) is { } i ? i.AsId() : null;
        var like = node.String("like", required: false);
        Caregiver? model = null;
        if (like is not null && !problem.CaregiversById.TryGetValue(like, out model))
        {
            node.Property("like")!.Value.Error($"No caregiver '{like}' in the problem to copy.");
        }

        var contract = node.Property("contract", required: like is null) is { } c ? ProblemReader.ReadContract(c) : model?.Contract;
        var skills = node.Property("skills", required: false) is null ? model?.Skills.ToList() ?? [] : node.Strings("skills");
        var allowed = node.Property("allowedGroups", required: false) is null ? model?.AllowedGroups.ToList() ?? [] : node.Strings("allowedGroups");
        foreach (var group in allowed.Where(g => !problem.GroupsById.ContainsKey(g)))
        {
            node.Property("allowedGroups")?.Error($"No group '{group}' in the problem.");
        }

        var known = problem.Demands.SelectMany(d => d.Skills).Concat(problem.Caregivers.SelectMany(c => c.Skills)).ToHashSet(StringComparer.Ordinal);
        foreach (var skill in skills.Where(s => !known.Contains(s)))
        {
            node.Property("skills")?.Error($"No demand needs and no caregiver has the skill '{skill}'.");
        }

        var price = node.Number("price", required: false) ?? 1;
        var maxCount = node.Integer("maxCount", required: false, min: 1, max: MaxCountLimit) ?? 1;
        var first = unnamed;
        var copyIds = id is null
            ? Enumerable.Range(1, maxCount).Select(n => $"cand-{first + n}").ToList()
            : Enumerable.Range(1, maxCount).Select(n => $"{id}-{n}").ToList();
        if (id is null)
        {
            unnamed += maxCount;
        }

        foreach (var copy in copyIds.Where(copy => !taken.Add(copy)))
        {
            node.Error($"The hire id '{copy}' is already a caregiver's or another candidate's; give the candidate another id.");
        }

        return contract is null || node.Errors.Count > 0 ? null : new Candidate(id, contract, skills, allowed, copyIds, price, like);
    }
}
