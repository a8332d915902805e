using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using NodaTime;

namespace ContinuityScheduler.Solver.Tests.Support;

/// <summary>
/// A hand-made one-week home for the leave-one-out view: Birch (a baby and a five-year-old) and Willow (a baby), an
/// early post in each every day (14 × 8 h), a night post covering both on Wednesday and Thursday that needs "night".
/// A and B (40 h), C (24 h) and D (8 h) work the earlies; Nina (16 h) is the only one with "night". Contracts may be
/// 16 h off, so without any one of A–D the others can still work every early (at most 6, 6, 5, 3 and Nina 2 of them);
/// without Nina both nights stay empty, whatever the repair does.
/// </summary>
internal static class LeaveOneOutHome
{
    public static readonly LocalDate Monday = new(2026, 11, 30);

    public static PlanningProblem Build()
    {
        var rules = LabourRules.Default
            .With("contract-hours", new RuleSettings(true, Severity.Hard, 16, 1))
            // Free weekends count four weeks back: a one-week home without history would judge them by guesswork.
            .With("free-weekends", LabourRules.Default["free-weekends"] with { Enabled = false });
        var institution = new Institution("leave-one-out", "Leave One Out", DateTimeZoneProviders.Tzdb["Europe/Copenhagen"], KeyMoments.Default, rules, ScoreWeights.Default);
        var types = new[]
        {
            new ShiftType("E", "Early", new LocalTime(7, 0), new LocalTime(15, 0), ShiftKind.Day),
            new ShiftType("N", "Night", new LocalTime(23, 0), new LocalTime(7, 0), ShiftKind.WakingNight),
        };
        var demands = new[]
        {
            new Demand("birch-early", ["birch"], "E"),
            new Demand("willow-early", ["willow"], "E"),
            new Demand("night", ["birch", "willow"], "N", skills: ["night"], weekdays: [IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday]),
        };
        var children = new[]
        {
            Child("birch-baby", "birch", years: 1),
            Child("birch-five", "birch", years: 5),
            Child("willow-baby", "willow", years: 2),
        };
        var staff = new[]
        {
            new Caregiver("a", "Anna", new Contract(40)),
            new Caregiver("b", "Bo", new Contract(40)),
            new Caregiver("c", "Clara", new Contract(24)),
            new Caregiver("d", "Dan", new Contract(8)),
            new Caregiver("nina", "Nina", new Contract(16), ["night"]),
        };
        return new PlanningProblem(institution, new Horizon(Monday, 1), [new Group("birch", "Birch", 2), new Group("willow", "Willow", 2)], children, staff, types, demands);
    }

    private static Child Child(string id, string group, int years) =>
        new(id, Monday.PlusYears(-years), [new GroupMembership(group, Monday.PlusYears(-years))]);
}
