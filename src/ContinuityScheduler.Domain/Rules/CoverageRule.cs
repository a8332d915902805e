using ContinuityScheduler.Domain.Shifts;

namespace ContinuityScheduler.Domain.Rules;

/// <summary>
/// Every demand gets its count of caregivers on every date it applies. A shortfall has the rule's severity;
/// people beyond the count, or on a date the demand does not apply, are a soft violation (cost, not harm).
/// </summary>
public sealed class CoverageRule : IRotaRule
{
    public RuleDefinition Definition { get; } = new("coverage", "Every demand is met on every date it applies.", "caregivers", new(true, Severity.Hard, 0));

    public IEnumerable<Violation> Check(ResolvedRota rota, RuleContext context)
    {
        var assigned = rota.Rota.Assignments.GroupBy(a => (a.DemandId, a.Date)).ToDictionary(g => g.Key, g => g.Select(a => a.CaregiverId).Distinct().Count());
        foreach (var demand in context.Problem.Demands)
        {
            foreach (var date in context.Horizon.Dates)
            {
                var needed = demand.AppliesOn(date) ? demand.Count : 0;
                var have = assigned.GetValueOrDefault((demand.Id, date));
                if (have == needed)
                {
                    continue;
                }

                var violation = context.Violation(null, date, date, have, needed,
                    have < needed
                        ? $"Demand {demand.Id} ({demand.ShiftType} in {string.Join("+", demand.GroupIds)}) has {have} of {needed} caregivers on {date:uuuu-MM-dd}."
                        : $"Demand {demand.Id} has {have} caregivers on {date:uuuu-MM-dd} where it needs {needed}.") with
                { DemandId = demand.Id };
                yield return have < needed ? violation : violation with { Severity = Severity.Soft };
            }
        }

        foreach (var outside in rota.Rota.Assignments.Where(a => !context.Horizon.Contains(a.Date)))
        {
            yield return context.Violation(outside.CaregiverId, outside.Date, outside.Date, 1, 0,
                $"Assignment to {outside.DemandId} on {outside.Date:uuuu-MM-dd} lies outside the horizon.") with
            { DemandId = outside.DemandId, Severity = Severity.Hard };
        }
    }
}
