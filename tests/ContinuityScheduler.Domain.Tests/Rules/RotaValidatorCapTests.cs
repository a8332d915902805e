using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Tests.Support;

namespace ContinuityScheduler.Domain.Tests.Rules;

public partial class RotaValidatorTests
{
    [Fact]
    public void Past_the_cap_a_caregivers_violations_of_one_rule_are_counted_not_listed()
    {
        // anna works E and L on each of 70 days: 70 breaches of one-shift-per-day, of which the report lists the cap.
        var problem = new ProblemBuilder().Starting(Monday, 10).WithGroup("g1").WithCaregiver("anna").Build();
        var rota = new RotaBuilder().AddDays("anna", Monday, 70, "g1-E").AddDays("anna", Monday, 70, "g1-L").Build();

        var report = RotaValidator.Validate(problem, rota);
        var uncapped = RunEachRule(problem, rota);

        uncapped.Count(v => v.Code == "one-shift-per-day").Should().Be(70);
        report.Violations.Where(v => v.Code == "one-shift-per-day").Should().HaveCount(RotaValidator.MaxPerCaregiver)
            .And.Equal(uncapped.Where(v => v.Code == "one-shift-per-day").Take(RotaValidator.MaxPerCaregiver));
        report.Omitted.Should().ContainSingle(o => o.Code == "one-shift-per-day")
            .Which.Should().Be(new OmittedViolations("one-shift-per-day", Severity.Hard, "anna", 70 - RotaValidator.MaxPerCaregiver));
        report.HardCount.Should().Be(uncapped.Count(v => v.Severity == Severity.Hard));
        report.SoftCount.Should().Be(uncapped.Count(v => v.Severity == Severity.Soft));
        report.IsValid.Should().BeFalse();
    }
}
