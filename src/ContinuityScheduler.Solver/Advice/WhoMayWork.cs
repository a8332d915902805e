using ContinuityScheduler.Domain.Model;
using NodaTime;

namespace ContinuityScheduler.Solver.Advice;

/// <summary>
/// Who may work a post under the hard rules that judge a shift on its own — skills, allowed groups, absence — as the
/// validator counts them: a shift breaks one when more skills are missing, groups barred or days away than its limit.
/// </summary>
internal sealed class WhoMayWork
{
    private readonly double? skills;
    private readonly double? groups;
    private readonly double? absence;

    public WhoMayWork(PlanningProblem problem)
    {
        var rules = problem.Institution.LabourRules;
        skills = rules["skills"] is { IsHard: true } s ? s.Limit : null;
        groups = rules["allowed-groups"] is { IsHard: true } g ? g.Limit : null;
        absence = rules["absence"] is { IsHard: true } a ? a.Limit : null;
    }

    /// <summary>The caregiver's skills and allowed groups let them work the demand.</summary>
    public bool MayWork(Caregiver caregiver, Demand demand) =>
        (skills is not { } missing || demand.Skills.Count(skill => !caregiver.Skills.Contains(skill)) <= missing) &&
        (groups is not { } barred || demand.GroupIds.Count(id => !caregiver.MayWorkIn(id)) <= barred);

    /// <summary>A shift may start on the date: the caregiver is not away then, or the rule lets a day away be worked.</summary>
    public bool Free(Caregiver caregiver, LocalDate date) => absence is not < 1 || caregiver.AbsenceOn(date) is null;
}
