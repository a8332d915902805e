using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Shifts;

namespace ContinuityScheduler.Domain.Rules;

/// <summary>
/// Judges one caregiver's shifts while a rota is being built, shift by shift: the per-caregiver rules of the
/// institution in their partial form (maximums only), or some of them. Used by every builder that adds a shift only
/// where it breaks nothing new.
/// </summary>
public sealed class CaregiverRuleCheck
{
    private readonly List<(ICaregiverRule Rule, RuleContext Context)> rules;
    private readonly Dictionary<CaregiverTimeline, HashSet<Violation>> known = [];

    /// <param name="codes">The rules to check; null for every enabled one.</param>
    public CaregiverRuleCheck(PlanningProblem problem, IReadOnlySet<string>? codes = null)
    {
        rules = [.. RuleSet.All.OfType<ICaregiverRule>()
            .Where(rule => codes is null || codes.Contains(rule.Definition.Code))
            .Select(rule => (rule, context: RotaValidator.ContextFor(problem, rule, partial: true)))
            .Where(r => r.context is not null)
            .Select(r => (r.rule, r.context!))];
    }

    /// <summary>
    /// Whether the shift can be added to the timeline without a hard violation it does not have already: each one it
    /// would have must be one it has, same window and same measure, so an old breach neither grows nor hides a new one.
    /// </summary>
    public bool Allows(CaregiverTimeline timeline, WorkedShift shift) =>
        HardViolations(timeline.With(shift), remember: false).IsSubsetOf(HardViolations(timeline));

    /// <summary>The caregiver's hard violations, remembered for timelines that are kept (committed ones).</summary>
    public IReadOnlySet<Violation> HardViolations(CaregiverTimeline timeline, bool remember = true)
    {
        if (!known.TryGetValue(timeline, out var violations))
        {
            violations = [.. rules.SelectMany(r => r.Rule.Check(timeline, r.Context)).Where(v => v.Severity == Severity.Hard)];
            if (remember)
            {
                known[timeline] = violations;
            }
        }

        return violations;
    }
}
