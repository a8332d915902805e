using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Scoring;
using ContinuityScheduler.Domain.Tests.Support;
using NodaTime;

namespace ContinuityScheduler.Domain.Tests.Scoring;

/// <summary>A group with a designated core team: T(k) is that team plus the child's key persons, whatever the hours.</summary>
public sealed class ContinuityScorerCoreTeamTests
{
    private const double Precision = 1e-9;

    private static readonly LocalDate Mon = ProblemBuilder.Monday; // 2026-11-30
    private static readonly LocalDate Thu = Mon.PlusDays(3);
    private static readonly LocalDate Sat = Mon.PlusDays(5);

    private static ContinuityReport Report()
    {
        var problem = new ProblemBuilder()
            .WithGroup("g1", 4, "anna", "bo")
            .WithCaregiver("anna").WithCaregiver("bo").WithCaregiver("cy").WithCaregiver("dan").WithCaregiver("eva")
            .WithChild("ida", new LocalDate(2020, 1, 1), "g1", keyPersons: ["cy"])
            .WithChild("jon", new LocalDate(2020, 1, 1), "g1")
            .Build();

        // Contact hours (same for both children):
        //   dan  D every day      7 × 12.5 = 87.5 (the most hours, but not in the designated team)
        //   anna E Mon–Wed        3 × 8    = 24
        //   bo   L Thu–Sun        4 × 5.5  = 22
        //   cy   E Sat                       8
        //   eva  L Mon                       5.5
        //   total 147; D = 5 → distinct term min(1, 4/5) = 0.8
        var rota = new RotaBuilder()
            .AddDays("dan", Mon, 7, "g1-D")
            .AddDays("anna", Mon, 3, "g1-E")
            .AddDays("bo", Thu, 4, "g1-L")
            .Add("cy", Sat, "g1-E")
            .Add("eva", Mon, "g1-L")
            .Build();
        return ContinuityScorer.Score(problem, rota);
    }

    [Fact]
    public void Core_team_is_the_designated_team_plus_the_childs_key_persons()
    {
        var ida = Report().Children.Single(c => c.ChildId == "ida");

        // T = {anna, bo} ∪ key persons {cy}; dan (87.5 h) is not in it although top-K by hours would pick him.
        ida.CoreTeam.Should().BeEquivalentTo(["anna", "bo", "cy"]);
        ida.ContactHours.Should().BeApproximately(147, Precision);
        ida.DistinctCaregivers.Should().Be(5);

        // C = (24 + 22 + 8) / 147 = 54 / 147
        ida.CoreShare.Should().BeApproximately(54.0 / 147, Precision);

        // Key person cy: Saturday only → 1/7.
        ida.KeyPersons.Should().BeEquivalentTo(["cy"]);
        ida.KeyPersonDays.Should().BeApproximately(1.0 / 7, Precision);

        // Wake-ups: Mon–Wed anna ✓, Thu, Fri dan ✗, Sat cy ✓, Sun dan ✗ → 4.
        // Bedtimes: Mon eva and dan ✗, Tue, Wed dan ✗, Thu–Sun bo ✓ → 4.   M = 8/14
        ida.KeyMoments.Should().BeApproximately(8.0 / 14, Precision);

        // S = 100 × (0.35 × 54/147 + 0.25 × 1/7 + 0.20 × 8/14 + 0.20 × 0.8)
        ida.Score.Should().BeApproximately(100 * ((0.35 * 54 / 147) + (0.25 / 7) + (0.20 * 8.0 / 14) + (0.20 * 0.8)), Precision);
    }

    [Fact]
    public void Without_named_key_persons_the_core_team_is_the_designated_team_and_the_key_persons_its_two_busiest()
    {
        var jon = Report().Children.Single(c => c.ChildId == "jon");

        // T = {anna, bo}; key persons = the two of T with most hours = anna (24), bo (22).
        jon.CoreTeam.Should().BeEquivalentTo(["anna", "bo"]);
        jon.KeyPersons.Should().BeEquivalentTo(["anna", "bo"]);

        // C = (24 + 22) / 147 = 46 / 147
        jon.CoreShare.Should().BeApproximately(46.0 / 147, Precision);

        // anna Mon–Wed, bo Thu–Sun → a key person every day.
        jon.KeyPersonDays.Should().BeApproximately(1, Precision);

        // Wake-ups Mon–Wed (anna) → 3; bedtimes Thu–Sun (bo) → 4; M = 7/14 (cy's Saturday early is not T for jon).
        jon.KeyMoments.Should().BeApproximately(7.0 / 14, Precision);

        // S = 100 × (0.35 × 46/147 + 0.25 × 1 + 0.20 × 0.5 + 0.20 × 0.8)
        jon.Score.Should().BeApproximately(100 * ((0.35 * 46 / 147) + 0.25 + 0.10 + (0.20 * 0.8)), Precision);
    }

    [Fact]
    public void The_designated_team_replaces_the_core_team_target()
    {
        // Target K = 1, but three designated members: all three are T.
        var problem = new ProblemBuilder()
            .WithGroup("g1", 1, "anna", "bo", "cy")
            .WithCaregiver("anna").WithCaregiver("bo").WithCaregiver("cy")
            .WithChild("kim", new LocalDate(2020, 1, 1), "g1")
            .Build();
        var rota = new RotaBuilder()
            .AddDays("anna", Mon, 7, "g1-E") // 56
            .AddDays("bo", Mon, 7, "g1-L") // 38.5
            .Build();

        var kim = ContinuityScorer.Score(problem, rota).Children.Single();

        kim.CoreTeam.Should().BeEquivalentTo(["anna", "bo", "cy"]);
        kim.KeyPersons.Should().BeEquivalentTo(["anna", "bo"]);

        // C = 1, P = 1, M = 14/14, D = 2 → S = 100.
        kim.CoreShare.Should().BeApproximately(1, Precision);
        kim.KeyMoments.Should().BeApproximately(1, Precision);
        kim.Score.Should().BeApproximately(100, Precision);
    }
}
