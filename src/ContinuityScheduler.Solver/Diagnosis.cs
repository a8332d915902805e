using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;

namespace ContinuityScheduler.Solver;

/// <summary>Says in a manager's words which posts stay empty, on which days, and the cause when it can be named.</summary>
public static class Diagnosis
{
    public static IReadOnlyList<string> Of(PlanningProblem problem, ValidationReport validation)
    {
        var lines = new List<string>();
        var shortfalls = validation.Violations.Where(v => v.Code == "coverage" && v.Severity == Severity.Hard && v.DemandId is not null);
        foreach (var post in shortfalls.GroupBy(v => v.DemandId!))
        {
            var demand = problem.DemandsById[post.Key];
            var missing = post.Sum(v => (v.Limit ?? 0) - (v.Measured ?? 0));
            var dates = string.Join(", ", post.Select(v => v.From.ToString("uuuu-MM-dd", null)));
            var able = problem.Caregivers.Where(c => c.HasSkills(demand.Skills) && demand.GroupIds.All(c.MayWorkIn)).ToList();
            var skills = demand.Skills.Count > 0 ? $" with {string.Join(" and ", demand.Skills)}" : "";
            lines.Add($"Demand {demand.Id} ({demand.ShiftType} in {string.Join("+", demand.GroupIds)}) lacks {missing:0} person-shift(s) on {dates}; only {able.Count} caregiver(s){skills} may work it.");
        }

        return lines;
    }
}
