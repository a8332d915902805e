using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Scoring;

namespace ContinuityScheduler.Domain.Tests.Scoring;

/// <summary>
/// Per-institution score weights and target W (DESIGN section 5), on the hand-made rota of
/// <see cref="ContinuityScorerTests"/>: for kim C = 56.5/89, P = 5/7, M = 8/14, D̄w = 5.
/// </summary>
public sealed class ContinuityScorerWeightsTests
{
    private const double Precision = 1e-9;

    private static ChildContinuity Kim(ScoreWeights weights) =>
        ContinuityScorer.Score(ContinuityScorerTests.HandMadeProblem(weights), ContinuityScorerTests.HandMadeRota())
            .Children.Single(c => c.ChildId == "kim");

    [Fact]
    public void Custom_weights_and_target_change_the_score_as_the_formula_says()
    {
        var kim = Kim(new ScoreWeights(0.1, 0.2, 0.3, 0.4, 2));

        // S = 100 × (0.1 × 56.5/89 + 0.2 × 5/7 + 0.3 × 8/14 + 0.4 × min(1, 2/5))
        kim.Score.Should().BeApproximately(100 * ((0.1 * 56.5 / 89) + (0.2 * 5.0 / 7) + (0.3 * 8.0 / 14) + (0.4 * 0.4)), Precision);
    }

    [Fact]
    public void Weights_do_not_change_the_parts()
    {
        var kim = Kim(new ScoreWeights(0.1, 0.2, 0.3, 0.4, 2));

        kim.CoreShare.Should().BeApproximately(56.5 / 89, Precision);
        kim.KeyPersonDays.Should().BeApproximately(5.0 / 7, Precision);
        kim.KeyMoments.Should().BeApproximately(8.0 / 14, Precision);
        kim.DistinctPerWeek.Should().BeApproximately(5, Precision);
    }

    [Fact]
    public void The_distinct_term_is_capped_at_one_when_the_target_exceeds_the_weekly_count()
    {
        var kim = Kim(new ScoreWeights(0.25, 0.25, 0.25, 0.25, 6));

        // min(1, 6/5) = 1 → S = 100 × (0.25 × 56.5/89 + 0.25 × 5/7 + 0.25 × 8/14 + 0.25)
        kim.Score.Should().BeApproximately(100 * ((0.25 * 56.5 / 89) + (0.25 * 5.0 / 7) + (0.25 * 8.0 / 14) + 0.25), Precision);
    }

    [Fact]
    public void All_weight_on_key_moments_makes_the_score_the_key_moment_share()
    {
        var kim = Kim(new ScoreWeights(0, 0, 1, 0, 4));

        kim.Score.Should().BeApproximately(100 * 8.0 / 14, Precision);
    }

    [Fact]
    public void All_weight_on_distinct_caregivers_makes_the_score_the_capped_ratio()
    {
        // W = 3, D̄w = 5 → 100 × 3/5 = 60
        Kim(new ScoreWeights(0, 0, 0, 1, 3)).Score.Should().BeApproximately(60, Precision);
    }
}
