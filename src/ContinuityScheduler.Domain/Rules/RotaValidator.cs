using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Shifts;

namespace ContinuityScheduler.Domain.Rules;

/// <summary>Checks a rota against every enabled rule of the institution. Knows nothing of how the rota was made.</summary>
public static class RotaValidator
{
    public static ValidationReport Validate(PlanningProblem problem, Rota rota) => Validate(new ResolvedRota(problem, rota));

    public static ValidationReport Validate(ResolvedRota rota)
    {
        var problem = rota.Problem;
        var violations = new List<Violation>();
        foreach (var rule in RuleSet.All)
        {
            var context = ContextFor(problem, rule);
            if (context is null)
            {
                continue;
            }

            violations.AddRange(rule switch
            {
                ICaregiverRule perCaregiver => rota.Timelines.Values.SelectMany(t => perCaregiver.Check(t, context)),
                IRotaRule whole => whole.Check(rota, context),
                _ => throw new InvalidOperationException($"Rule {rule.Definition.Code} is of no known kind."),
            });
        }

        return new ValidationReport([.. violations
            .OrderBy(v => v.Severity)
            .ThenBy(v => v.From)
            .ThenBy(v => v.Code, StringComparer.Ordinal)
            .ThenBy(v => v.CaregiverId, StringComparer.Ordinal)]);
    }

    /// <summary>The rule's context in this problem, or null when the institution switched it off.</summary>
    public static RuleContext? ContextFor(PlanningProblem problem, IRule rule, bool partial = false)
    {
        var settings = problem.Institution.LabourRules[rule.Definition.Code];
        return settings.Enabled ? new RuleContext(problem, rule.Definition, settings, partial) : null;
    }
}
