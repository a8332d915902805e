using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Solver.Model;
using ContinuityScheduler.Solver.Tests.Support;
using CsCheck;

namespace ContinuityScheduler.Solver.Tests.Model;

/// <summary>
/// The rules are written twice, as validator classes and as model rows; these properties hold them to one meaning. On
/// random small homes (rules varied, soft or off, history, pins, daylight-saving weeks) and random rotas, the model
/// finds a hard rule broken exactly when the validator does, and every rule that rules an assignment out on its own
/// is the validator's verdict on that assignment.
/// </summary>
public sealed class ModelAgreesWithValidatorTests
{
    /// <summary>Rules the model prices instead of keeping (coverage) or does not keep at all (wishes are soft).</summary>
    private static readonly HashSet<string> NotKept = ["coverage", "wishes"];

    [Fact]
    public void The_model_breaks_a_rule_exactly_when_the_validator_does()
    {
        HomeShape.Any.Sample(shape =>
        {
            var problem = RandomHomes.Build(shape);
            var model = RotaModelBuilder.Build(problem);
            var rota = RandomHomes.RandomRota(model, shape);

            var byValidator = HardCodes(problem, rota);
            var byModel = model.Breaks(rota).Where(r => RuleSet.Find(r) is not null && !NotKept.Contains(r)).ToHashSet();

            byModel.Should().BeEquivalentTo(byValidator, $"model and validator judge {shape} alike");
        }, iter: 400, threads: 1);
    }

    [Fact]
    public void A_rota_the_validator_accepts_breaks_no_row_of_the_model_cuts_included()
    {
        // The cuts and the caps of the linking rows only tighten the relaxation: they never refuse a rota that keeps the rules.
        HomeShape.Any.Sample(shape =>
        {
            var problem = RandomHomes.Build(shape);
            var model = RotaModelBuilder.Build(problem);
            foreach (var rota in new[] { Construction.Build(problem), RandomHomes.RandomRota(model, shape with { Density = 1 }) })
            {
                if (HardCodes(problem, rota).Count == 0 && model.Unavoidable.Count == 0)
                {
                    model.Breaks(rota).Where(r => r != "coverage").Should().BeEmpty($"{shape} keeps every rule");
                }
            }
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void An_assignment_is_ruled_out_exactly_when_it_breaks_a_rule_on_its_own()
    {
        // Alone in a rota (history around it), an assignment breaks skills, groups, absence, shift length, rest or overlap
        // with history, or a forbidding pin exactly when the model gives it no column, and then the rule it names.
        HashSet<string> alone = ["skills", "allowed-groups", "absence", "max-shift-length", "min-rest", "no-overlap", "pins"];
        HomeShape.Any.Sample(shape =>
        {
            var problem = RandomHomes.Build(shape);
            var model = RotaModelBuilder.Build(problem);
            foreach (var date in problem.Horizon.Dates)
            {
                foreach (var demand in problem.Demands.Where(d => d.AppliesOn(date)))
                {
                    foreach (var caregiver in problem.Caregivers)
                    {
                        var assignment = new Assignment(caregiver.Id, date, demand.Id);
                        var single = new Rota([assignment]);
                        var broken = HardCodes(problem, single).Where(alone.Contains)
                            .Where(code => code != "pins" || problem.Pins.Any(p => p.Kind == PinKind.Forbid && p.Matches(assignment)))
                            .ToHashSet();
                        var hasColumn = model.Assignments.ContainsKey(new AssignmentKey(caregiver.Id, date, demand.Id));

                        hasColumn.Should().Be(broken.Count == 0, $"{assignment} in {shape} breaks [{string.Join(", ", broken)}]");
                        if (!hasColumn)
                        {
                            model.Breaks(single).Should().Contain(r => broken.Contains(r));
                        }
                    }
                }
            }
        }, iter: 200, threads: 1);
    }

    private static HashSet<string> HardCodes(PlanningProblem problem, Rota rota) =>
        [.. RotaValidator.Validate(problem, rota).Violations.Where(v => v.Severity == Severity.Hard && !NotKept.Contains(v.Code)).Select(v => v.Code)];
}
