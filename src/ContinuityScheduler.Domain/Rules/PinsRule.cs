using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Shifts;

namespace ContinuityScheduler.Domain.Rules;

public sealed class PinsRule : IRotaRule
{
    public RuleDefinition Definition { get; } = new("pins", "A required pin is in the rota; a forbidding pin is not.", "assignments", new(true, Severity.Hard, 0));

    public IEnumerable<Violation> Check(ResolvedRota rota, RuleContext context)
    {
        foreach (var pin in context.Problem.Pins.Where(p => context.Horizon.Contains(p.Date)))
        {
            var matching = rota.Rota.Assignments.Count(pin.Matches);
            var broken = pin.Kind == PinKind.Require ? matching == 0 : matching > 0;
            if (broken)
            {
                var what = pin.DemandId is null ? "any shift" : $"demand {pin.DemandId}";
                yield return context.Violation(pin.CaregiverId, pin.Date, pin.Date, matching, pin.Kind == PinKind.Require ? 1 : 0,
                    pin.Kind == PinKind.Require
                        ? $"{pin.CaregiverId} is pinned to {what} on {pin.Date:uuuu-MM-dd} but does not work it."
                        : $"{pin.CaregiverId} must not work {what} on {pin.Date:uuuu-MM-dd}.") with
                { DemandId = pin.DemandId };
            }
        }
    }
}
