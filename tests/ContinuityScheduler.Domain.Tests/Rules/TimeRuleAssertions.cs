using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Tests.Support;
using FluentAssertions.Execution;
using NodaTime;

namespace ContinuityScheduler.Domain.Tests.Rules;

/// <summary>
/// Shared steps of the time-rule tests: a one-group home, validating a rota and keeping one rule's violations,
/// and checking a violation's who, when, measured value and limit.
/// </summary>
internal static class TimeRuleAssertions
{
    /// <summary>Monday 2026-11-30, the first day of the builder's default horizon.</summary>
    public static LocalDate Monday => ProblemBuilder.Monday;

    /// <summary>A date counted from <see cref="Monday"/>: 0 is Monday 2026-11-30, 6 is Sunday 2026-12-06, -1 is Sunday 2026-11-29.</summary>
    public static LocalDate Day(int offset) => ProblemBuilder.Monday.PlusDays(offset);

    /// <summary>A home with group g1 (demands g1-E, g1-L, g1-D, g1-N, g1-S, g1-X) and caregivers anna and ben.</summary>
    public static ProblemBuilder Home() => new ProblemBuilder().WithGroup("g1").WithCaregiver("anna").WithCaregiver("ben");

    /// <summary>The violations of one rule; the others (coverage above all) are left out.</summary>
    public static IReadOnlyList<Violation> ViolationsOf(this PlanningProblem problem, Rota rota, string code) =>
        [.. RotaValidator.Validate(problem, rota).Violations.Where(v => v.Code == code)];

    public static Violation SingleViolationOf(this PlanningProblem problem, Rota rota, string code)
    {
        var violations = problem.ViolationsOf(rota, code);
        violations.Should().ContainSingle("the rota breaks {0} exactly once", code);
        return violations[0];
    }

    public static void ShouldKeep(this PlanningProblem problem, Rota rota, string code) =>
        problem.ViolationsOf(rota, code).Should().BeEmpty("the rota keeps {0}", code);

    public static Violation ShouldMatch(
        this Violation violation,
        string caregiverId,
        LocalDate from,
        LocalDate to,
        double measured,
        double limit,
        Severity severity = Severity.Hard)
    {
        using (new AssertionScope())
        {
            violation.CaregiverId.Should().Be(caregiverId);
            violation.From.Should().Be(from);
            violation.To.Should().Be(to);
            violation.Measured.Should().NotBeNull();
            violation.Measured!.Value.Should().BeApproximately(measured, 0.001);
            violation.Limit.Should().NotBeNull();
            violation.Limit!.Value.Should().BeApproximately(limit, 0.001);
            violation.Severity.Should().Be(severity);
            violation.Message.Should().NotBeNullOrWhiteSpace();
        }

        return violation;
    }
}
