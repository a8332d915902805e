using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Scoring;
using ContinuityScheduler.Domain.Tests.Support;
using NodaTime;

namespace ContinuityScheduler.Domain.Tests.Scoring;

/// <summary>
/// The continuity score of DESIGN section 5 on small rotas whose every value is worked out by hand.
/// Default key moments: wake-up 07:00, bedtime 19:30, so the waking day is [07:00, 19:30) local time.
/// Contact hours per shift on one day: E 07:00–15:00 → 8, L 14:00–22:00 → 5.5, D 07:00–21:30 → 12.5,
/// N 22:00–07:00 → 0 (ends as the waking day starts), S 21:00–08:00 → 1 on the next day (07:00–08:00).
/// </summary>
public sealed class ContinuityScorerTests
{
    private const double Precision = 1e-9;

    private static readonly LocalDate Mon = ProblemBuilder.Monday; // 2026-11-30
    private static readonly LocalDate Tue = Mon.PlusDays(1);
    private static readonly LocalDate Wed = Mon.PlusDays(2);
    private static readonly LocalDate Thu = Mon.PlusDays(3);
    private static readonly LocalDate Fri = Mon.PlusDays(4);
    private static readonly LocalDate Sat = Mon.PlusDays(5);
    private static readonly LocalDate Sun = Mon.PlusDays(6);

    /// <summary>
    /// One group g1 with core team target K = 2, one week, two children living in g1 all week:
    /// kim (born 2020, no key persons named) and lea (born 2025-06-01, under three, key persons cy and dan).
    /// </summary>
    internal static PlanningProblem HandMadeProblem(ScoreWeights? weights = null)
    {
        var builder = new ProblemBuilder()
            .WithGroup("g1", coreTeamTarget: 2)
            .WithCaregiver("anna").WithCaregiver("bo").WithCaregiver("cy").WithCaregiver("dan").WithCaregiver("eva")
            .WithChild("kim", new LocalDate(2020, 1, 1), "g1")
            .WithChild("lea", new LocalDate(2025, 6, 1), "g1", keyPersons: ["cy", "dan"]);
        if (weights is not null)
        {
            builder.WithScoreWeights(weights);
        }

        return builder.Build();
    }

    /// <summary>
    ///          E        L       D      N          S
    /// Mon   anna      bo              eva
    /// Tue   anna      bo              eva
    /// Wed   anna      bo                         eva
    /// Thu   bo        cy
    /// Fri   anna      cy
    /// Sat                     dan
    /// Sun   dan       (nobody)
    /// </summary>
    internal static Rota HandMadeRota() => new RotaBuilder()
        .AddDays("anna", Mon, 3, "g1-E").Add("anna", Fri, "g1-E")
        .AddDays("bo", Mon, 3, "g1-L").Add("bo", Thu, "g1-E")
        .AddDays("cy", Thu, 2, "g1-L")
        .Add("dan", Sat, "g1-D").Add("dan", Sun, "g1-E")
        .AddDays("eva", Mon, 2, "g1-N").Add("eva", Wed, "g1-S")
        .Build();

    [Fact]
    public void Hand_made_rota_scores_every_part_as_design_section_5_defines_it()
    {
        var report = ContinuityScorer.Score(HandMadeProblem(), HandMadeRota());

        var kim = report.Children.Single(c => c.ChildId == "kim");
        kim.GroupId.Should().Be("g1");
        kim.UnderThree.Should().BeFalse();
        kim.PresentDays.Should().Be(7);

        // Contact hours h(c, kim), day by day (waking day [07:00, 19:30)):
        //   anna: E Mon, Tue, Wed, Fri = 4 × 8                    = 32
        //   bo:   L Mon, Tue, Wed = 3 × 5.5 = 16.5, E Thu = 8      = 24.5
        //   cy:   L Thu, Fri = 2 × 5.5                            = 11
        //   dan:  D Sat 07:00–19:30 = 12.5, E Sun = 8             = 20.5
        //   eva:  N Mon, N Tue end at 07:00 → 0; S Wed 21:00 → Thu 08:00 overlaps Thu 07:00–08:00 = 1
        //   total = 32 + 24.5 + 11 + 20.5 + 1 = 89
        kim.ContactHours.Should().BeApproximately(89, Precision);

        // D = caregivers with h > 0 = {anna, bo, cy, dan, eva} = 5; one ISO week, so D̄w = 5.
        kim.DistinctCaregivers.Should().Be(5);
        kim.DistinctPerWeek.Should().BeApproximately(5, Precision);

        // T = the K = 2 caregivers with most contact hours: anna (32), bo (24.5).
        kim.CoreTeam.Should().BeEquivalentTo(["anna", "bo"]);

        // C = (32 + 24.5) / 89 = 56.5 / 89.
        kim.CoreShare.Should().BeApproximately(56.5 / 89, Precision);

        // Key persons by default: the two of T with most hours = anna, bo.
        // Contact per day: Mon {anna, bo}, Tue {anna, bo}, Wed {anna, bo}, Thu {bo, cy, eva}, Fri {anna, cy}, Sat {dan}, Sun {dan}
        // → a key person on Mon..Fri = 5 of 7 days.
        kim.KeyPersons.Should().BeEquivalentTo(["anna", "bo"]);
        kim.KeyPersonDays.Should().BeApproximately(5.0 / 7, Precision);

        // Key moments with T = {anna, bo} on duty in g1 (half-open intervals):
        //   wake-up 07:00: Mon/Tue/Wed/Fri anna E starts 07:00 ✓, Thu bo E ✓ (eva's N ends 07:00 Tue: not on duty),
        //                  Sat dan ✗, Sun dan ✗                            → 5
        //   bedtime 19:30: Mon/Tue/Wed bo L ✓, Thu/Fri cy ✗, Sat dan D ✗ (not T), Sun nobody ✗ → 3
        //   M = 8 / 14
        kim.KeyMoments.Should().BeApproximately(8.0 / 14, Precision);

        // Same adult from bedtime to next wake-up, 6 nights:
        //   Mon→Tue {bo}→{anna} ✗, Tue→Wed {bo}→{anna} ✗, Wed→Thu {bo}→{bo, eva (S)} ✓,
        //   Thu→Fri {cy}→{anna} ✗, Fri→Sat {cy}→{dan} ✗, Sat→Sun {dan (D to 21:30)}→{dan (E from 07:00)} ✓
        //   N = 2 / 6
        kim.SameAdultNights.Should().BeApproximately(2.0 / 6, Precision);

        // S = 100 × (0.35 × 56.5/89 + 0.25 × 5/7 + 0.20 × 8/14 + 0.20 × min(1, 4/5))  ≈ 67.5048
        var kimScore = 100 * ((0.35 * 56.5 / 89) + (0.25 * 5.0 / 7) + (0.20 * 8.0 / 14) + (0.20 * 0.8));
        kim.Score.Should().BeApproximately(kimScore, Precision);
        kim.Score.Should().BeApproximately(67.50481540930979, 1e-6);

        var lea = report.Children.Single(c => c.ChildId == "lea");
        lea.UnderThree.Should().BeTrue();

        // Same shifts, so the same hours, D, T (no designated team: named key persons do not join T), C, M and N.
        lea.ContactHours.Should().BeApproximately(89, Precision);
        lea.DistinctCaregivers.Should().Be(5);
        lea.CoreTeam.Should().BeEquivalentTo(["anna", "bo"]);
        lea.CoreShare.Should().BeApproximately(56.5 / 89, Precision);
        lea.KeyMoments.Should().BeApproximately(8.0 / 14, Precision);
        lea.SameAdultNights.Should().BeApproximately(2.0 / 6, Precision);

        // Named key persons cy and dan: cy Thu, Fri; dan Sat, Sun → 4 of 7 days.
        lea.KeyPersons.Should().BeEquivalentTo(["cy", "dan"]);
        lea.KeyPersonDays.Should().BeApproximately(4.0 / 7, Precision);

        // S = 100 × (0.35 × 56.5/89 + 0.25 × 4/7 + 0.20 × 8/14 + 0.20 × 0.8)  ≈ 63.9334
        var leaScore = 100 * ((0.35 * 56.5 / 89) + (0.25 * 4.0 / 7) + (0.20 * 8.0 / 14) + (0.20 * 0.8));
        lea.Score.Should().BeApproximately(leaScore, Precision);

        // Worst first; lea (under three) counts twice in the weighted mean; the lowest child is shown.
        report.Children.Select(c => c.ChildId).Should().Equal("lea", "kim");
        report.Institution.Children.Should().Be(2);
        report.Institution.Mean.Should().BeApproximately((kimScore + leaScore) / 2, Precision);
        report.Institution.WeightedMean.Should().BeApproximately((kimScore + (2 * leaScore)) / 3, Precision);
        report.Institution.Min.Should().BeApproximately(leaScore, Precision);
    }

    [Fact]
    public void A_group_named_twice_in_a_demand_or_a_history_shift_counts_its_hours_once()
    {
        // A group is covered or not: listing it twice once doubled anna's contact hours in the score.
        var demand = new Demand("g1-E2", ["g1", "g1"], "E");
        var history = new HistoryShift("anna", Mon.PlusDays(-1), "E", ["g1", "g1"]);
        var problem = new ProblemBuilder()
            .WithGroup("g1", coreTeamTarget: 1)
            .WithDemand(demand)
            .WithCaregiver("anna").WithCaregiver("bo")
            .WithChild("kim", new LocalDate(2020, 1, 1), "g1")
            .Build();
        var rota = new RotaBuilder().Add("anna", Mon, "g1-E2").Add("bo", Mon, "g1-E").Build();

        var kim = ContinuityScorer.Score(problem, rota).Children.Single();

        demand.GroupIds.Should().Equal("g1");
        history.GroupIds.Should().Equal("g1");
        kim.ContactHours.Should().BeApproximately(16, Precision);
        kim.CoreShare.Should().BeApproximately(0.5, Precision);
    }

    [Fact]
    public void Core_team_ties_on_contact_hours_are_broken_by_caregiver_id()
    {
        // K = 2. An extra early post g1-E2 lets two caregivers work an early on Thursday.
        var problem = new ProblemBuilder()
            .WithGroup("g1", coreTeamTarget: 2)
            .WithDemand(new Demand("g1-E2", ["g1"], "E"))
            .WithCaregiver("anna").WithCaregiver("bo").WithCaregiver("cy")
            .WithChild("kim", new LocalDate(2020, 1, 1), "g1")
            .Build();

        // anna E Mon–Thu = 4 × 8 = 32; bo E Thu, Fri = 16; cy E Sat, Sun = 16 (a tie with bo).
        var rota = new RotaBuilder()
            .AddDays("anna", Mon, 4, "g1-E")
            .Add("bo", Thu, "g1-E2").Add("bo", Fri, "g1-E")
            .AddDays("cy", Sat, 2, "g1-E")
            .Build();

        var kim = ContinuityScorer.Score(problem, rota).Children.Single();

        // T = anna (32), then bo and cy tie at 16 → bo by id.
        kim.CoreTeam.Should().BeEquivalentTo(["anna", "bo"]);
        kim.KeyPersons.Should().BeEquivalentTo(["anna", "bo"]);

        // C = (32 + 16) / 64 = 0.75.
        kim.ContactHours.Should().BeApproximately(64, Precision);
        kim.CoreShare.Should().BeApproximately(0.75, Precision);

        // Key persons anna or bo on Mon..Fri → 5/7 (with cy in T instead it would be 6/7).
        kim.KeyPersonDays.Should().BeApproximately(5.0 / 7, Precision);

        // Wake-ups Mon..Fri by anna or bo → 5; no bedtime is covered → M = 5/14.
        kim.KeyMoments.Should().BeApproximately(5.0 / 14, Precision);

        // D̄w = 3 → min(1, 4/3) = 1.
        // S = 100 × (0.35 × 0.75 + 0.25 × 5/7 + 0.20 × 5/14 + 0.20) = 100 × (0.4625 + 0.25) = 71.25
        kim.Score.Should().BeApproximately(71.25, Precision);
    }

    [Theory]
    [InlineData(4, 1.0)] // min(1, 4 / 2.5) = 1
    [InlineData(2, 0.8)] // min(1, 2 / 2.5) = 0.8 (with D = 4 over the horizon it would wrongly be 0.5)
    public void Distinct_caregivers_are_counted_per_iso_week_and_averaged(double target, double distinctTerm)
    {
        var next = Mon.PlusWeeks(1); // Monday 2026-12-07
        var problem = new ProblemBuilder()
            .Starting(Mon, 2)
            .WithScoreWeights(new ScoreWeights(0.35, 0.25, 0.20, 0.20, target))
            .WithGroup("g1", coreTeamTarget: 2)
            .WithCaregiver("anna").WithCaregiver("bo").WithCaregiver("cy").WithCaregiver("dan")
            .WithChild("kim", new LocalDate(2020, 1, 1), "g1")
            .Build();

        // Week 1: anna E and bo L every day. Week 2: anna E Monday, cy E Tue..Sun, dan L every day.
        var rota = new RotaBuilder()
            .AddDays("anna", Mon, 7, "g1-E").AddDays("bo", Mon, 7, "g1-L")
            .Add("anna", next, "g1-E").AddDays("cy", next.PlusDays(1), 6, "g1-E").AddDays("dan", next, 7, "g1-L")
            .Build();

        var kim = ContinuityScorer.Score(problem, rota).Children.Single();

        // Hours: anna 8 × 8 = 64, bo 7 × 5.5 = 38.5, cy 6 × 8 = 48, dan 7 × 5.5 = 38.5; total 189.
        kim.PresentDays.Should().Be(14);
        kim.ContactHours.Should().BeApproximately(189, Precision);

        // D = 4 over the horizon; per week {anna, bo} = 2 and {anna, cy, dan} = 3 → D̄w = 2.5.
        kim.DistinctCaregivers.Should().Be(4);
        kim.DistinctPerWeek.Should().BeApproximately(2.5, Precision);

        // T (K = 2) = anna (64), cy (48); C = 112 / 189.
        kim.CoreTeam.Should().BeEquivalentTo(["anna", "cy"]);
        kim.CoreShare.Should().BeApproximately(112.0 / 189, Precision);

        // Key persons anna, cy: anna every day of week 1 and Monday of week 2, cy Tue..Sun of week 2 → 14/14.
        kim.KeyPersonDays.Should().BeApproximately(1, Precision);

        // Every wake-up has anna or cy (E from 07:00); no bedtime (bo, dan) is covered by T → M = 14/28.
        kim.KeyMoments.Should().BeApproximately(0.5, Precision);

        // S = 100 × (0.35 × 112/189 + 0.25 × 1 + 0.20 × 0.5 + 0.20 × min(1, W / 2.5))
        kim.Score.Should().BeApproximately(100 * ((0.35 * 112 / 189) + 0.25 + 0.10 + (0.20 * distinctTerm)), Precision);
    }

    [Fact]
    public void Key_moments_use_half_open_shift_intervals()
    {
        var problem = new ProblemBuilder()
            .WithGroup("g1")
            .WithCaregiver("anna").WithCaregiver("bo").WithCaregiver("eva")
            .WithChild("kim", new LocalDate(2020, 1, 1), "g1")
            .Build();

        var rota = new RotaBuilder()
            .Add("anna", Mon, "g1-E") // 07:00–15:00 Mon: on duty at wake-up Mon (start is inside)
            .Add("bo", Mon, "g1-S") // 21:00 Mon–08:00 Tue: NOT on duty at bedtime Mon; on duty at wake-up Tue
            .Add("anna", Tue, "g1-D") // 07:00–21:30 Tue: on duty at wake-up and bedtime Tue
            .Add("eva", Tue, "g1-N") // 22:00 Tue–07:00 Wed: NOT on duty at wake-up Wed (end is outside)
            .Add("eva", Thu, "g1-E") // gives eva contact hours, so she is in T
            .Build();

        var kim = ContinuityScorer.Score(problem, rota).Children.Single();

        // Hours: anna 8 + 12.5 = 20.5; bo 1 (Tue 07:00–08:00); eva 8 (E Thu; N adds 0) → T (K = 4) = {anna, eva, bo}.
        kim.CoreTeam.Should().BeEquivalentTo(["anna", "bo", "eva"]);
        kim.ContactHours.Should().BeApproximately(29.5, Precision);

        // Wake-ups: Mon anna ✓, Tue bo (S) and anna (D) ✓, Wed eva's N just ended ✗, Thu eva E ✓, Fri–Sun ✗ → 3
        // Bedtimes: Mon bo's S starts 21:00 ✗, Tue anna D ✓, Wed–Sun ✗                                   → 1
        // M = 4 / 14
        kim.KeyMoments.Should().BeApproximately(4.0 / 14, Precision);

        // Nights: Mon→Tue nobody at bedtime ✗; Tue→Wed {anna}→{} ✗; the others have nobody → 0 of 6.
        kim.SameAdultNights.Should().BeApproximately(0, Precision);
    }

    [Fact]
    public void Same_adult_from_bedtime_to_waking_needs_one_person_on_duty_at_both_instants()
    {
        var problem = new ProblemBuilder()
            .WithGroup("g1")
            .WithCaregiver("anna").WithCaregiver("bo")
            .WithChild("kim", new LocalDate(2020, 1, 1), "g1")
            .Build();

        var rota = new RotaBuilder()
            .Add("anna", Mon, "g1-D").Add("anna", Mon, "g1-S") // on duty at bedtime Mon (D to 21:30) and at wake-up Tue (S to 08:00)
            .Add("bo", Tue, "g1-S") // sleep-in only: nobody on duty at bedtime Tue
            .Add("bo", Wed, "g1-L").Add("bo", Wed, "g1-N") // on duty at bedtime Wed, but the N ends at 07:00 Thu
            .Build();

        var kim = ContinuityScorer.Score(problem, rota).Children.Single();

        // Nights (between consecutive present days): Mon→Tue ✓, Tue→Wed ✗ (nobody at bedtime),
        // Wed→Thu ✗ (N not on duty at 07:00), Thu→Fri, Fri→Sat, Sat→Sun ✗ → 1 of 6.
        kim.SameAdultNights.Should().BeApproximately(1.0 / 6, Precision);
    }

    [Fact]
    public void Nobody_on_duty_at_bedtime_is_a_miss()
    {
        var problem = new ProblemBuilder()
            .WithGroup("g1")
            .WithCaregiver("anna")
            .WithChild("kim", new LocalDate(2020, 1, 1), "g1")
            .Build();
        var rota = new RotaBuilder().AddDays("anna", Mon, 7, "g1-E").Build();

        var kim = ContinuityScorer.Score(problem, rota).Children.Single();

        // anna E every day: 56 h, D = 1, T = {anna}, C = 1, key person anna every day → P = 1.
        kim.ContactHours.Should().BeApproximately(56, Precision);
        kim.CoreShare.Should().BeApproximately(1, Precision);
        kim.KeyPersonDays.Should().BeApproximately(1, Precision);

        // 7 wake-ups hit, 7 bedtimes with nobody on duty → M = 7/14.
        kim.KeyMoments.Should().BeApproximately(0.5, Precision);
        kim.SameAdultNights.Should().BeApproximately(0, Precision);

        // S = 100 × (0.35 + 0.25 + 0.20 × 0.5 + 0.20 × min(1, 4/1)) = 90
        kim.Score.Should().BeApproximately(90, Precision);
    }

    [Fact]
    public void A_child_without_any_contact_hours_scores_zero_without_dividing_by_zero()
    {
        var problem = new ProblemBuilder()
            .WithGroup("g1")
            .WithCaregiver("eva")
            .WithChild("kim", new LocalDate(2020, 1, 1), "g1")
            .Build();

        // Waking nights only: 22:00–07:00 never overlaps the waking day, and is not on duty at 07:00 or 19:30.
        var rota = new RotaBuilder().AddDays("eva", Mon, 7, "g1-N").Build();

        var report = ContinuityScorer.Score(problem, rota);
        var kim = report.Children.Single();

        kim.PresentDays.Should().Be(7);
        kim.ContactHours.Should().Be(0);
        kim.DistinctCaregivers.Should().Be(0);
        kim.DistinctPerWeek.Should().Be(0);
        kim.CoreShare.Should().Be(0);
        kim.KeyPersonDays.Should().Be(0);
        kim.KeyMoments.Should().Be(0);
        kim.SameAdultNights.Should().Be(0);
        kim.Score.Should().Be(0);
        double.IsNaN(report.Institution.Mean).Should().BeFalse();
        report.Institution.Min.Should().Be(0);
    }

    [Fact]
    public void An_empty_rota_scores_zero_for_every_child()
    {
        var problem = new ProblemBuilder()
            .WithGroup("g1")
            .WithCaregiver("anna")
            .WithChild("kim", new LocalDate(2020, 1, 1), "g1")
            .Build();

        var kim = ContinuityScorer.Score(problem, new RotaBuilder().Build()).Children.Single();

        kim.Score.Should().Be(0);
        kim.CoreShare.Should().Be(0);
        kim.KeyPersonDays.Should().Be(0);
        kim.KeyMoments.Should().Be(0);
        kim.DistinctPerWeek.Should().Be(0);
    }

    [Fact]
    public void Without_contact_hours_the_score_is_only_the_key_moments_part()
    {
        // Key moments 07:00 and 14:00: the waking day is [07:00, 14:00). A late 14:00–22:00 is on duty at
        // bedtime 14:00 (the start is inside its interval) but has no contact hour inside the waking day.
        var problem = new ProblemBuilder()
            .WithKeyMoments(new LocalTime(7, 0), new LocalTime(14, 0))
            .WithGroup("g1", 4, "anna")
            .WithCaregiver("anna")
            .WithChild("kim", new LocalDate(2020, 1, 1), "g1")
            .Build();
        var rota = new RotaBuilder().AddDays("anna", Mon, 7, "g1-L").Build();

        var kim = ContinuityScorer.Score(problem, rota).Children.Single();

        // No contact hours: C = 0, P = 0, distinct term 0. T = designated {anna}, on duty at all 7 bedtimes → M = 7/14.
        kim.ContactHours.Should().Be(0);
        kim.CoreTeam.Should().BeEquivalentTo(["anna"]);
        kim.CoreShare.Should().Be(0);
        kim.KeyPersonDays.Should().Be(0);
        kim.KeyMoments.Should().BeApproximately(0.5, Precision);

        // S = 100 × 0.20 × 0.5 = 10
        kim.Score.Should().BeApproximately(10, Precision);
    }
}
