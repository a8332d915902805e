using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Shifts;

namespace ContinuityScheduler.Domain.Rules;

/// <summary>
/// Checks a rota against every enabled rule of the institution. Knows nothing of how the rota was made. One rule lists at
/// most <see cref="MaxPerCaregiver"/> violations for one caregiver and counts the rest, so that a rota of many clashing
/// shifts is judged in bounded memory.
/// </summary>
public static class RotaValidator
{
    public const int MaxPerCaregiver = 50;

    public static ValidationReport Validate(PlanningProblem problem, Rota rota) => Validate(new ResolvedRota(problem, rota));

    public static ValidationReport Validate(ResolvedRota rota)
    {
        var problem = rota.Problem;
        var violations = new List<Violation>();
        var omitted = new List<OmittedViolations>();
        foreach (var rule in RuleSet.All)
        {
            var context = ContextFor(problem, rule);
            if (context is null)
            {
                continue;
            }

            switch (rule)
            {
                case ICaregiverRule perCaregiver:
                    foreach (var timeline in rota.Timelines.Values)
                    {
                        var count = 0;
                        foreach (var violation in perCaregiver.Check(timeline, context))
                        {
                            if (++count <= MaxPerCaregiver)
                            {
                                violations.Add(violation);
                            }
                        }

                        if (count > MaxPerCaregiver)
                        {
                            omitted.Add(new OmittedViolations(rule.Definition.Code, context.Settings.Severity, timeline.Caregiver.Id, count - MaxPerCaregiver));
                        }
                    }

                    break;
                case IRotaRule whole:
                    violations.AddRange(whole.Check(rota, context));
                    break;
                default:
                    throw new InvalidOperationException($"Rule {rule.Definition.Code} is of no known kind.");
            }
        }

        return new ValidationReport([.. violations
            .OrderBy(v => v.Severity)
            .ThenBy(v => v.From)
            .ThenBy(v => v.Code, StringComparer.Ordinal)
            .ThenBy(v => v.CaregiverId, StringComparer.Ordinal)])
        {
            Omitted = omitted,
        };
    }

    /// <summary>The rule's context in this problem, or null when the institution switched it off.</summary>
    public static RuleContext? ContextFor(PlanningProblem problem, IRule rule, bool partial = false)
    {
        var settings = problem.Institution.LabourRules[rule.Definition.Code];
        return settings.Enabled ? new RuleContext(problem, rule.Definition, settings, partial) : null;
    }
}
