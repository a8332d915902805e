using System.Text.RegularExpressions;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Domain.Shifts;
using ContinuityScheduler.Domain.Tests.Support;
using NodaTime;

namespace ContinuityScheduler.Domain.Tests.Rules;

public partial class RotaValidatorTests
{
    private static readonly LocalDate Monday = ProblemBuilder.Monday;
    private static readonly LocalDate Tuesday = Monday.PlusDays(1);
    private static readonly LocalDate Wednesday = Monday.PlusDays(2);
    private static readonly LocalDate Thursday = Monday.PlusDays(3);
    private static readonly LocalDate Friday = Monday.PlusDays(4);
    private static readonly LocalDate Saturday = Monday.PlusDays(5);

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$")]
    private static partial Regex KebabCase();

    public static TheoryData<string> Codes() => [.. RuleSet.Definitions.Select(d => d.Code)];

    /// <summary>
    /// A rota that breaks many rules at once. anna (37 h, only g1, on leave Wednesday, wants Friday free, pinned to
    /// Tuesday's E) works E and L on Monday, E on Wednesday, E in g2 on Thursday, the skilled night on Friday and E on
    /// Saturday and Sunday mornings; relief rick works a live-in on Saturday without the derogation. anna's history E on the
    /// Sunday before (ends 15:00) keeps her week from beginning with an unbounded rest.
    /// </summary>
    private static ProblemBuilder MessyHome() => new ProblemBuilder()
        .WithGroup("g1")
        .WithGroup("g2")
        .WithDemand(new Demand("g1-night", ["g1"], "N", skills: ["night"]))
        .WithCaregiver(
            "anna",
            37,
            allowedGroups: ["g1"],
            absences: [new Absence(AbsenceKind.Leave, new DateInterval(Wednesday, Wednesday))],
            wishes: [new Wish(false, Friday, null, weight: 2)])
        .WithCaregiver("rick", 37, EmploymentType.Relief)
        .WithPin(new Pin(PinKind.Require, "anna", Tuesday, "g1-E"))
        .WithHistoryShift("anna", Monday.PlusDays(-1), "E", "g1");

    private static Rota MessyRota() => new RotaBuilder()
        .Add("anna", Monday, "g1-E")
        .Add("anna", Monday, "g1-L")
        .Add("anna", Wednesday, "g1-E")
        .Add("anna", Thursday, "g2-E")
        .Add("anna", Friday, "g1-night")
        .Add("anna", Saturday, "g1-E")
        .Add("anna", Saturday.PlusDays(1), "g1-E")
        .Add("rick", Saturday, "g1-X")
        .Build();

    private static List<Violation> RunEachRule(PlanningProblem problem, Rota rota, bool partial = false)
    {
        var resolved = new ResolvedRota(problem, rota);
        var violations = new List<Violation>();
        foreach (var rule in RuleSet.All)
        {
            var context = RotaValidator.ContextFor(problem, rule, partial);
            if (context is null)
            {
                continue;
            }

            violations.AddRange(rule switch
            {
                ICaregiverRule perCaregiver => resolved.Timelines.Values.SelectMany(t => perCaregiver.Check(t, context)),
                IRotaRule whole => whole.Check(resolved, context),
                _ => throw new InvalidOperationException(rule.Definition.Code),
            });
        }

        return violations;
    }

    [Fact]
    public void The_messy_rota_breaks_the_rules_it_was_built_to_break()
    {
        var report = RotaValidator.Validate(MessyHome().Build(), MessyRota());

        // each listed rule is broken on purpose (see MessyHome); weekly-rest: anna's rests are 16 h (history E Sunday -> Monday),
        // Monday 22:00 -> Wednesday 07:00 = 33 h, 16 h, Thursday 15:00 -> Friday 22:00 = 31 h, 16 h and after Sunday 15:00
        // only 9 h in the week, so her longest is 33 h < 35
        report.Violations.Should().ContainSingle(v => v.Code == "weekly-rest").Which.Should().Match<Violation>(v =>
            v.CaregiverId == "anna" && v.From == Monday && v.To == Monday.PlusDays(6) && v.Measured == 33 && v.Limit == 35);
        report.Violations.Select(v => v.Code).Distinct().Should().BeEquivalentTo(
            "one-shift-per-day",
            "no-overlap",
            "min-rest",
            "weekly-rest",
            "max-weekly-hours",
            "max-shift-length",
            "contract-hours",
            "skills",
            "allowed-groups",
            "relief-share",
            "absence",
            "coverage",
            "pins",
            "wishes");
    }

    [Fact]
    public void The_validator_reports_exactly_what_every_rule_finds()
    {
        var problem = MessyHome().Build();

        var report = RotaValidator.Validate(problem, MessyRota());

        report.Violations.Should().BeEquivalentTo(RunEachRule(problem, MessyRota()));
    }

    [Fact]
    public void Every_rule_is_of_a_kind_the_validator_runs()
    {
        RuleSet.All.Should().OnlyContain(r => r is ICaregiverRule || r is IRotaRule);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void A_disabled_rule_produces_nothing_and_leaves_the_others_alone(string code)
    {
        var all = RotaValidator.Validate(MessyHome().Build(), MessyRota());

        var problem = MessyHome().WithRule(code, s => s with { Enabled = false }).Build();
        var report = RotaValidator.Validate(problem, MessyRota());

        report.Violations.Should().NotContain(v => v.Code == code);
        report.Violations.Should().Equal(all.Violations.Where(v => v.Code != code));
        RotaValidator.ContextFor(problem, RuleSet.Find(code)!).Should().BeNull();
        RotaValidator.ContextFor(problem, RuleSet.Find(code)!, partial: true).Should().BeNull();
    }

    [Fact]
    public void Every_rule_disabled_gives_an_empty_valid_report()
    {
        var builder = MessyHome();
        foreach (var code in RuleSet.Definitions.Select(d => d.Code))
        {
            builder.WithRule(code, s => s with { Enabled = false });
        }

        var report = RotaValidator.Validate(builder.Build(), MessyRota());

        report.Violations.Should().BeEmpty();
        report.IsValid.Should().BeTrue();
    }

    [Fact]
    public void Violations_are_ordered_hard_first_then_by_date()
    {
        var report = RotaValidator.Validate(MessyHome().Build(), MessyRota());

        report.Violations.Select(v => v.Severity).Should().BeInAscendingOrder();
        var hard = report.Violations.Where(v => v.Severity == Severity.Hard).ToList();
        var soft = report.Violations.Where(v => v.Severity == Severity.Soft).ToList();
        hard.Select(v => v.From).Should().BeInAscendingOrder();
        soft.Select(v => v.From).Should().BeInAscendingOrder();
        // the soft wish is on Friday, yet hard violations dated Saturday and Sunday come before it
        soft.Should().Contain(v => v.Code == "wishes" && v.From == Friday);
        hard.Should().Contain(v => v.From > Friday);
    }

    [Fact]
    public void Report_counts_hard_and_soft()
    {
        var report = RotaValidator.Validate(MessyHome().Build(), MessyRota());

        report.HardCount.Should().Be(report.Violations.Count(v => v.Severity == Severity.Hard)).And.BeGreaterThan(0);
        report.SoftCount.Should().Be(report.Violations.Count(v => v.Severity == Severity.Soft)).And.BeGreaterThan(0);
        (report.HardCount + report.SoftCount).Should().Be(report.Violations.Count);
        report.IsValid.Should().BeFalse();
    }

    [Fact]
    public void A_report_of_two_hard_and_one_soft_is_not_valid()
    {
        var hard = new Violation("min-rest", Severity.Hard, "anna", Monday, Tuesday, 9, 11, "short rest");
        var soft = new Violation("wishes", Severity.Soft, "anna", Monday, Monday, 1, 0, "wish");
        var report = new ValidationReport([hard, soft, hard with { CaregiverId = "ben" }]);

        report.HardCount.Should().Be(2);
        report.SoftCount.Should().Be(1);
        report.IsValid.Should().BeFalse();
    }

    [Fact]
    public void A_report_with_only_soft_violations_is_valid()
    {
        var soft = new Violation("wishes", Severity.Soft, "anna", Monday, Monday, 1, 0, "wish");

        var report = new ValidationReport([soft, soft]);

        report.HardCount.Should().Be(0);
        report.SoftCount.Should().Be(2);
        report.IsValid.Should().BeTrue();
    }

    [Fact]
    public void An_empty_report_is_valid()
    {
        var report = new ValidationReport([]);

        report.HardCount.Should().Be(0);
        report.SoftCount.Should().Be(0);
        report.IsValid.Should().BeTrue();
    }

    [Fact]
    public void A_rota_breaking_only_a_wish_is_valid()
    {
        var problem = new ProblemBuilder()
            .WithDemand(new Demand("sat", ["g1"], "E", weekdays: [IsoDayOfWeek.Saturday]))
            .WithCaregiver("anna", 8, wishes: [new Wish(false, Saturday, null, weight: 2)])
            .Build();
        // anna's one E (8 h) meets her 8 h contract and the Saturday post, but not her wish to be free
        var rota = new RotaBuilder().Add("anna", Saturday, "sat").Build();

        var report = RotaValidator.Validate(problem, rota);

        report.Violations.Should().ContainSingle().Which.Code.Should().Be("wishes");
        report.HardCount.Should().Be(0);
        report.SoftCount.Should().Be(1);
        report.IsValid.Should().BeTrue();
    }

    [Fact]
    public void Rule_codes_are_unique_kebab_case()
    {
        var codes = RuleSet.Definitions.Select(d => d.Code).ToList();

        codes.Should().OnlyHaveUniqueItems();
        codes.Should().OnlyContain(c => KebabCase().IsMatch(c));
        codes.Should().Equal(RuleSet.All.Select(r => r.Definition.Code));
    }

    [Fact]
    public void The_rule_set_holds_every_rule_of_the_design()
    {
        // DESIGN section 4, plus allowed-groups, pins and wishes
        RuleSet.Definitions.Select(d => d.Code).Should().BeEquivalentTo(
            "one-shift-per-day",
            "no-overlap",
            "min-rest",
            "weekly-rest",
            "max-weekly-hours",
            "average-weekly-hours",
            "max-consecutive-days",
            "max-consecutive-nights",
            "max-nights",
            "contract-hours",
            "free-weekends",
            "max-shift-length",
            "skills",
            "allowed-groups",
            "relief-share",
            "absence",
            "coverage",
            "pins",
            "wishes");
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Find_returns_the_rule_of_a_code(string code)
    {
        RuleSet.Find(code)!.Definition.Code.Should().Be(code);
    }

    [Fact]
    public void Find_returns_null_for_an_unknown_code()
    {
        RuleSet.Find("no-such-rule").Should().BeNull();
    }

    [Fact]
    public void Default_labour_rules_have_the_defaults_of_every_rule()
    {
        var rules = LabourRules.Default;

        rules.Settings.Keys.Should().BeEquivalentTo(RuleSet.Definitions.Select(d => d.Code));
        foreach (var definition in RuleSet.Definitions)
        {
            rules[definition.Code].Should().Be(definition.Defaults, definition.Code);
        }

        rules.ResidentialDerogation.Should().BeFalse();
    }

    [Theory]
    [InlineData("min-rest", 11, 1)]
    [InlineData("weekly-rest", 35, 1)]
    [InlineData("max-weekly-hours", 60, 1)]
    [InlineData("average-weekly-hours", 48, 17)]
    [InlineData("max-consecutive-days", 6, 1)]
    [InlineData("max-consecutive-nights", 4, 1)]
    [InlineData("max-nights", 12, 4)]
    [InlineData("contract-hours", 8, 4)]
    [InlineData("free-weekends", 2, 4)]
    [InlineData("max-shift-length", 13, 1)]
    [InlineData("relief-share", 0.5, 1)]
    public void Default_limits_follow_the_design(string code, double limit, int weeks)
    {
        var settings = LabourRules.Default[code];

        settings.Enabled.Should().BeTrue();
        settings.Limit.Should().Be(limit);
        settings.Weeks.Should().Be(weeks);
    }

    [Fact]
    public void Every_rule_is_on_by_default_and_only_wishes_are_soft()
    {
        LabourRules.Default.Settings.Values.Should().OnlyContain(s => s.Enabled);
        LabourRules.Default.Settings.Where(s => s.Value.Severity == Severity.Soft).Select(s => s.Key).Should().Equal("wishes");
    }

    [Fact]
    public void Labour_rules_without_a_rule_are_refused()
    {
        var settings = RuleSet.Definitions.Where(d => d.Code != "pins").ToDictionary(d => d.Code, d => d.Defaults);

        var act = () => new LabourRules(settings);

        act.Should().Throw<ArgumentException>().WithMessage("*pins*");
    }

    [Fact]
    public void Labour_rules_with_an_unknown_rule_are_refused()
    {
        var settings = RuleSet.Definitions.ToDictionary(d => d.Code, d => d.Defaults);
        settings["no-such-rule"] = new RuleSettings(true, Severity.Hard, 1);

        var act = () => new LabourRules(settings);

        act.Should().Throw<ArgumentException>().WithMessage("*no-such-rule*");
    }

    [Fact]
    public void ContextFor_carries_the_settings_and_the_partial_flag()
    {
        var problem = new ProblemBuilder().WithRule("contract-hours", s => s with { Limit = 4 }).Build();
        var rule = RuleSet.Find("contract-hours")!;

        var full = RotaValidator.ContextFor(problem, rule)!;
        var partial = RotaValidator.ContextFor(problem, rule, partial: true)!;

        full.Partial.Should().BeFalse();
        partial.Partial.Should().BeTrue();
        partial.Settings.Limit.Should().Be(4);
        partial.Horizon.Should().Be(problem.Horizon);
    }

    [Fact]
    public void Partial_contract_hours_ignore_the_floor()
    {
        var problem = new ProblemBuilder().WithGroup("g1").WithCaregiver("anna", 37).Build();
        // 4 E = 32 h is below the floor 35, which a rota still being built cannot be judged on
        var rota = new RotaBuilder().AddDays("anna", Monday, 4, "g1-E").Build();

        RunEachRule(problem, rota, partial: true).Should().NotContain(v => v.Code == "contract-hours");
        RunEachRule(problem, rota).Should().ContainSingle(v => v.Code == "contract-hours").Which.Measured.Should().Be(32);
    }

    [Fact]
    public void Partial_contract_hours_keep_the_ceiling()
    {
        var problem = new ProblemBuilder().WithGroup("g1").WithCaregiver("anna", 37).Build();
        // 5 E = 40 h above the ceiling 39
        var rota = new RotaBuilder().AddDays("anna", Monday, 5, "g1-E").Build();

        var violation = RunEachRule(problem, rota, partial: true).Should().ContainSingle(v => v.Code == "contract-hours").Subject;

        violation.Measured.Should().Be(40);
        violation.Limit.Should().Be(39);
    }

    [Fact]
    public void Partial_wishes_ignore_unmet_wanted_wishes_but_keep_free_wishes()
    {
        var problem = new ProblemBuilder()
            .WithGroup("g1")
            .WithCaregiver("anna", wishes: [new Wish(true, Tuesday, null, weight: 2), new Wish(false, Thursday, null, weight: 3)])
            .Build();
        // Tuesday wanted but not worked (ignored in partial mode); Thursday wished free but worked (weight 3)
        var rota = new RotaBuilder().Add("anna", Thursday, "g1-E").Build();

        var partial = RunEachRule(problem, rota, partial: true).Where(v => v.Code == "wishes").ToList();
        var full = RunEachRule(problem, rota).Where(v => v.Code == "wishes").ToList();

        partial.Should().ContainSingle().Which.Should().Match<Violation>(v => v.From == Thursday && v.Measured == 3);
        full.Select(v => (v.From, v.Measured)).Should().BeEquivalentTo([(Tuesday, (double?)2), (Thursday, (double?)3)]);
    }
}
