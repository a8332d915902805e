namespace ContinuityScheduler.Domain.Rules;

/// <summary>The one visible list of rules: the same codes in the validator, the solver, the tests, violations and the API.</summary>
public static class RuleSet
{
    public static IReadOnlyList<IRule> All { get; } =
    [
        new OneShiftPerDayRule(),
        new NoOverlapRule(),
        new MinRestRule(),
        new WeeklyRestRule(),
        new MaxWeeklyHoursRule(),
        new AverageWeeklyHoursRule(),
        new MaxConsecutiveDaysRule(),
        new MaxConsecutiveNightsRule(),
        new MaxNightsRule(),
        new ContractHoursRule(),
        new FreeWeekendsRule(),
        new MaxShiftLengthRule(),
        new SkillsRule(),
        new AllowedGroupsRule(),
        new ReliefShareRule(),
        new AbsenceRule(),
        new CoverageRule(),
        new PinsRule(),
        new WishesRule(),
    ];

    public static IReadOnlyList<RuleDefinition> Definitions { get; } = [.. All.Select(r => r.Definition)];

    public static IRule? Find(string code) => All.FirstOrDefault(r => r.Definition.Code == code);
}
