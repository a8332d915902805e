using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Scoring;
using ContinuityScheduler.Domain.Tests.Support;
using NodaTime;

namespace ContinuityScheduler.Domain.Tests.Scoring;

/// <summary>DESIGN section 5 counts only the days a child is present in a group: moves between groups and days away.</summary>
public sealed class ContinuityScorerPresenceTests
{
    private const double Precision = 1e-9;

    private static readonly LocalDate Mon = ProblemBuilder.Monday; // 2026-11-30
    private static readonly LocalDate Tue = Mon.PlusDays(1);
    private static readonly LocalDate Wed = Mon.PlusDays(2);
    private static readonly LocalDate Thu = Mon.PlusDays(3);
    private static readonly LocalDate Fri = Mon.PlusDays(4);
    private static readonly LocalDate Sat = Mon.PlusDays(5);

    [Fact]
    public void A_child_who_moves_group_has_contact_only_with_the_group_of_each_day()
    {
        // max lives in g1 until Wednesday and in g2 from Thursday: 3 days in g1, 4 in g2.
        var max = new Child("max", new LocalDate(2020, 1, 1), [new GroupMembership("g1", new LocalDate(2020, 1, 1), Wed), new GroupMembership("g2", Thu)]);
        var problem = new ProblemBuilder()
            .WithGroup("g1").WithGroup("g2")
            .WithDemand(new Demand("night-12", ["g1", "g2"], "S")) // one sleep-in post covering both groups
            .WithCaregiver("anna").WithCaregiver("bo").WithCaregiver("cy").WithCaregiver("dan").WithCaregiver("eva")
            .WithChild(max)
            .Build();

        var rota = new RotaBuilder()
            .AddDays("anna", Mon, 7, "g1-E") // counted Mon–Wed only: 3 × 8 = 24
            .AddDays("dan", Mon, 7, "g1-L") // counted Mon–Wed only: 3 × 5.5 = 16.5
            .AddDays("bo", Mon, 7, "g2-E") // counted Thu–Sun only: 4 × 8 = 32
            .AddDays("eva", Thu, 2, "g2-L") // Thu, Fri in g2: 2 × 5.5 = 11
            .AddDays("cy", Mon, 6, "night-12") // S Mon..Sat: 07:00–08:00 of Tue..Sun in either group: 6 × 1 = 6
            .Build();

        var report = ContinuityScorer.Score(problem, rota);
        var child = report.Children.Single();

        // The group of most present days: g2 (4 days against 3).
        child.GroupId.Should().Be("g2");
        child.PresentDays.Should().Be(7);

        // Total = 24 + 16.5 + 32 + 11 + 6 = 89.5; D = 5, one week → D̄w = 5.
        child.ContactHours.Should().BeApproximately(89.5, Precision);
        child.DistinctCaregivers.Should().Be(5);
        child.DistinctPerWeek.Should().BeApproximately(5, Precision);

        // T (K = 4) = bo 32, anna 24, dan 16.5, eva 11; cy (6) is left out. C = 83.5 / 89.5.
        child.CoreTeam.Should().BeEquivalentTo(["anna", "bo", "dan", "eva"]);
        child.CoreShare.Should().BeApproximately(83.5 / 89.5, Precision);

        // Key persons: bo (32) and anna (24); anna Mon–Wed, bo Thu–Sun → every day.
        child.KeyPersons.Should().BeEquivalentTo(["anna", "bo"]);
        child.KeyPersonDays.Should().BeApproximately(1, Precision);

        // Wake-ups: anna (g1) Mon–Wed, bo (g2) Thu–Sun → 7.
        // Bedtimes: dan (g1-L) Mon–Wed, eva (g2-L) Thu–Fri → 5; Sat, Sun dan is on duty in g1 only, nobody in g2 → miss.
        // M = 12 / 14.
        child.KeyMoments.Should().BeApproximately(12.0 / 14, Precision);

        // S = 100 × (0.35 × 83.5/89.5 + 0.25 × 1 + 0.20 × 12/14 + 0.20 × min(1, 4/5))
        child.Score.Should().BeApproximately(100 * ((0.35 * 83.5 / 89.5) + 0.25 + (0.20 * 12.0 / 14) + (0.20 * 0.8)), Precision);

        report.Groups.Single(g => g.GroupId == "g2").Summary.Children.Should().Be(1);
        report.Groups.Single(g => g.GroupId == "g1").Summary.Children.Should().Be(0);
    }

    [Fact]
    public void Days_away_are_not_counted()
    {
        var problem = new ProblemBuilder()
            .WithGroup("g1")
            .WithCaregiver("anna").WithCaregiver("bo").WithCaregiver("cy").WithCaregiver("dan")
            .WithChild("noa", new LocalDate(2020, 1, 1), "g1", keyPersons: ["bo"], daysAway: [new DateInterval(Wed, Thu)])
            .Build();

        var rota = new RotaBuilder()
            .AddDays("anna", Mon, 2, "g1-E").AddDays("anna", Fri, 3, "g1-E") // present days: 5 × 8 = 40
            .AddDays("bo", Mon, 2, "g1-L").Add("bo", Fri, "g1-L") // 3 × 5.5 = 16.5
            .AddDays("cy", Sat, 2, "g1-L") // 2 × 5.5 = 11
            .AddDays("dan", Wed, 2, "g1-D") // only while noa is away: not counted
            .Build();

        var noa = ContinuityScorer.Score(problem, rota).Children.Single();

        // Present Mon, Tue, Fri, Sat, Sun = 5 days.
        noa.PresentDays.Should().Be(5);

        // Hours 40 + 16.5 + 11 = 67.5; dan never meets noa: D = 3, D̄w = 3.
        noa.ContactHours.Should().BeApproximately(67.5, Precision);
        noa.DistinctCaregivers.Should().Be(3);
        noa.DistinctPerWeek.Should().BeApproximately(3, Precision);

        // T (K = 4) = anna, bo, cy → C = 1.
        noa.CoreTeam.Should().BeEquivalentTo(["anna", "bo", "cy"]);
        noa.CoreShare.Should().BeApproximately(1, Precision);

        // Named key person bo: Mon, Tue, Fri of 5 present days → 3/5.
        noa.KeyPersonDays.Should().BeApproximately(3.0 / 5, Precision);

        // 5 wake-ups (anna) and 5 bedtimes (bo Mon, Tue, Fri; cy Sat, Sun) of 10 → 1 (away days are no misses).
        noa.KeyMoments.Should().BeApproximately(1, Precision);

        // Nights between consecutive present days: Mon→Tue, Fri→Sat, Sat→Sun; bedtime people never do the next early.
        noa.SameAdultNights.Should().BeApproximately(0, Precision);

        // S = 100 × (0.35 × 1 + 0.25 × 0.6 + 0.20 × 1 + 0.20 × min(1, 4/3)) = 90
        noa.Score.Should().BeApproximately(90, Precision);
    }

    [Fact]
    public void A_key_person_working_only_on_days_away_gives_no_key_person_days()
    {
        var problem = new ProblemBuilder()
            .WithGroup("g1")
            .WithCaregiver("anna").WithCaregiver("bo")
            .WithChild("noa", new LocalDate(2020, 1, 1), "g1", keyPersons: ["bo"], daysAway: [new DateInterval(Mon, Tue)])
            .Build();
        var rota = new RotaBuilder()
            .AddDays("anna", Mon, 7, "g1-E")
            .AddDays("bo", Mon, 2, "g1-D")
            .Build();

        var noa = ContinuityScorer.Score(problem, rota).Children.Single();

        // Present Wed..Sun: anna 5 × 8 = 40; bo only on days away.
        noa.PresentDays.Should().Be(5);
        noa.ContactHours.Should().BeApproximately(40, Precision);
        noa.KeyPersonDays.Should().Be(0);

        // Wake-ups 5 of 5 (anna), bedtimes 0 of 5 → M = 0.5.
        noa.KeyMoments.Should().BeApproximately(0.5, Precision);

        // S = 100 × (0.35 × 1 + 0 + 0.20 × 0.5 + 0.20 × 1) = 65
        noa.Score.Should().BeApproximately(65, Precision);
    }
}
