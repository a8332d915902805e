using ContinuityScheduler.Domain.Shifts;

namespace ContinuityScheduler.Domain.Rules;

/// <summary>One labour or planning rule, with a stable kebab-case code.</summary>
public interface IRule
{
    RuleDefinition Definition { get; }
}

/// <summary>A rule about one caregiver's own shifts: rest, hours, nights, weekends, skills, absences.</summary>
public interface ICaregiverRule : IRule
{
    IEnumerable<Violation> Check(CaregiverTimeline timeline, RuleContext context);
}

/// <summary>A rule about the rota as a whole: coverage, relief share, pins.</summary>
public interface IRotaRule : IRule
{
    IEnumerable<Violation> Check(ResolvedRota rota, RuleContext context);
}
