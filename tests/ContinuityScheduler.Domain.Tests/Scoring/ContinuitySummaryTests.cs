using ContinuityScheduler.Domain.Scoring;
using ContinuityScheduler.Domain.Tests.Support;
using NodaTime;

namespace ContinuityScheduler.Domain.Tests.Scoring;

/// <summary>
/// Group and institution summaries (DESIGN section 5): means over children, children under three on the
/// horizon's first day counting twice, and the lowest child's score beside the mean; children worst first.
/// </summary>
public sealed class ContinuitySummaryTests
{
    private const double Precision = 1e-9;

    private static readonly LocalDate Mon = ProblemBuilder.Monday; // 2026-11-30, the horizon's first day

    // Scores worked out by hand (one week, K = 4, target W = 4):
    //   g1: anna E and bo L every day → hours anna 56, bo 38.5; T = {anna, bo}; C = 1; M = 14/14; D = 2 → distinct term 1.
    //     c1 (key persons default anna, bo: P = 1)       S = 100 × (0.35 + 0.25 + 0.20 + 0.20) = 100
    //     c2 (key person cy, who never works: P = 0)     S = 100 × (0.35 + 0 + 0.20 + 0.20)    = 75
    //   g2: dan E every day, eva L on Monday only → hours dan 56, eva 5.5; T = {dan, eva}; C = 1;
    //       wake-ups 7, bedtimes 1 → M = 8/14; D = 2 → distinct term 1.
    //     c3 (key persons default dan, eva: P = 1)      S = 100 × (0.35 + 0.25 + 0.20 × 8/14 + 0.20) = 640/7 ≈ 91.43
    //     c4 (key person eva: Monday only, P = 1/7)     S = 100 × (0.35 + 0.25/7 + 0.20 × 8/14 + 0.20) = 70
    private const double C1 = 100;
    private const double C2 = 75;
    private const double C3 = 640.0 / 7;
    private const double C4 = 70;

    private static ContinuityReport Report()
    {
        var problem = new ProblemBuilder()
            .WithGroup("g1").WithGroup("g2").WithGroup("g3")
            .WithCaregiver("anna").WithCaregiver("bo").WithCaregiver("cy").WithCaregiver("dan").WithCaregiver("eva")
            .WithChild("c1", new LocalDate(2023, 12, 1), "g1") // turns three on Tuesday: under three on the first day
            .WithChild("c2", new LocalDate(2023, 11, 30), "g1", keyPersons: ["cy"]) // turns three on the first day: not under three
            .WithChild("c3", new LocalDate(2015, 5, 5), "g2")
            .WithChild("c4", new LocalDate(2025, 1, 1), "g2", keyPersons: ["eva"]) // under three
            .Build();
        var rota = new RotaBuilder()
            .AddDays("anna", Mon, 7, "g1-E").AddDays("bo", Mon, 7, "g1-L")
            .AddDays("dan", Mon, 7, "g2-E").Add("eva", Mon, "g2-L")
            .Build();
        return ContinuityScorer.Score(problem, rota);
    }

    [Fact]
    public void Child_scores_are_as_worked_out_by_hand()
    {
        var scores = Report().Children.ToDictionary(c => c.ChildId, c => c.Score);

        scores["c1"].Should().BeApproximately(C1, Precision);
        scores["c2"].Should().BeApproximately(C2, Precision);
        scores["c3"].Should().BeApproximately(C3, Precision);
        scores["c4"].Should().BeApproximately(C4, Precision);
    }

    [Fact]
    public void Under_three_is_decided_on_the_horizons_first_day()
    {
        var underThree = Report().Children.ToDictionary(c => c.ChildId, c => c.UnderThree);

        underThree.Should().Equal(new Dictionary<string, bool> { ["c1"] = true, ["c2"] = false, ["c3"] = false, ["c4"] = true });
    }

    [Fact]
    public void Children_are_listed_worst_first()
    {
        Report().Children.Select(c => c.ChildId).Should().Equal("c4", "c2", "c3", "c1");
    }

    [Fact]
    public void Institution_summary_has_mean_weighted_mean_and_lowest_child()
    {
        var institution = Report().Institution;

        institution.Children.Should().Be(4);
        institution.Mean.Should().BeApproximately((C1 + C2 + C3 + C4) / 4, Precision);

        // c1 and c4 are under three and count twice: (2 × 100 + 75 + 640/7 + 2 × 70) / 6 ≈ 84.40
        institution.WeightedMean.Should().BeApproximately(((2 * C1) + C2 + C3 + (2 * C4)) / 6, Precision);
        institution.WeightedMean.Should().NotBeApproximately(institution.Mean, 0.1);
        institution.Min.Should().BeApproximately(C4, Precision);
        institution.UnderThreeMean.Should().BeApproximately((C1 + C4) / 2, Precision);
    }

    [Fact]
    public void Group_summaries_cover_the_groups_own_children()
    {
        var groups = Report().Groups.ToDictionary(g => g.GroupId, g => g.Summary);

        groups["g1"].Children.Should().Be(2);
        groups["g1"].Mean.Should().BeApproximately((C1 + C2) / 2, Precision);
        groups["g1"].WeightedMean.Should().BeApproximately(((2 * C1) + C2) / 3, Precision);
        groups["g1"].Min.Should().BeApproximately(C2, Precision);

        groups["g2"].Children.Should().Be(2);
        groups["g2"].Mean.Should().BeApproximately((C3 + C4) / 2, Precision);
        groups["g2"].WeightedMean.Should().BeApproximately((C3 + (2 * C4)) / 3, Precision);
        groups["g2"].Min.Should().BeApproximately(C4, Precision);

        // g3 has no children: an empty summary, never NaN.
        groups["g3"].Children.Should().Be(0);
        double.IsNaN(groups["g3"].Mean).Should().BeFalse();
        double.IsNaN(groups["g3"].WeightedMean).Should().BeFalse();
    }
}
