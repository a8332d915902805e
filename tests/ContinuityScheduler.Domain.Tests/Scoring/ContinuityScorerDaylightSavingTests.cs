using ContinuityScheduler.Domain.Scoring;
using ContinuityScheduler.Domain.Tests.Support;
using NodaTime;

namespace ContinuityScheduler.Domain.Tests.Scoring;

/// <summary>
/// Contact hours are real hours between instants (DESIGN section 3 and 5). In Europe/Copenhagen the clocks
/// go forward on Sunday 2027-03-28 at 02:00 (to 03:00) and back on Sunday 2027-10-31 at 03:00 (to 02:00).
/// </summary>
public sealed class ContinuityScorerDaylightSavingTests
{
    private const double Precision = 1e-9;

    private static readonly LocalDate SpringMonday = new(2027, 3, 22);
    private static readonly LocalDate AutumnMonday = new(2027, 10, 25);

    [Fact]
    public void Shifts_on_the_spring_forward_day_give_real_hours_of_contact()
    {
        var fri = SpringMonday.PlusDays(4);
        var sat = SpringMonday.PlusDays(5);
        var problem = new ProblemBuilder()
            .Starting(SpringMonday)
            .WithGroup("g1")
            .WithCaregiver("anna").WithCaregiver("bo")
            .WithChild("kim", new LocalDate(2020, 1, 1), "g1")
            .Build();

        // anna: live-in X Fri 07:00 → Mon 07:00 (71 real hours over the change); contact 07:00–19:30 on Fri, Sat
        // and Sun (Sun is already CEST at 07:00) = 3 × 12.5 = 37.5.
        // bo: waking night N Sat 22:00 CET → Sun 07:00 CEST (8 real hours); no contact; off duty at 07:00 Sun.
        var rota = new RotaBuilder().Add("anna", fri, "g1-X").Add("bo", sat, "g1-N").Build();

        var kim = ContinuityScorer.Score(problem, rota).Children.Single();

        kim.ContactHours.Should().BeApproximately(37.5, Precision);
        kim.DistinctCaregivers.Should().Be(1);
        kim.CoreTeam.Should().BeEquivalentTo(["anna"]);

        // anna on duty at wake-up and bedtime on Fri, Sat and Sun → M = 6/14; key person days 3/7.
        kim.KeyMoments.Should().BeApproximately(6.0 / 14, Precision);
        kim.KeyPersonDays.Should().BeApproximately(3.0 / 7, Precision);

        // Nights Fri→Sat and Sat→Sun: anna at bedtime and next wake-up → 2 of 6.
        kim.SameAdultNights.Should().BeApproximately(2.0 / 6, Precision);

        // S = 100 × (0.35 × 1 + 0.25 × 3/7 + 0.20 × 6/14 + 0.20 × min(1, 4/1))
        kim.Score.Should().BeApproximately(100 * (0.35 + (0.25 * 3.0 / 7) + (0.20 * 6.0 / 14) + 0.20), Precision);
    }

    [Fact]
    public void A_waking_day_across_the_spring_forward_change_is_an_hour_shorter()
    {
        // Wake-up 01:00: the waking day of Sunday 2027-03-28 runs from 01:00 CET (00:00 UTC) to 19:30 CEST.
        var fri = SpringMonday.PlusDays(4);
        var sat = SpringMonday.PlusDays(5);
        var problem = new ProblemBuilder()
            .Starting(SpringMonday)
            .WithKeyMoments(new LocalTime(1, 0), new LocalTime(19, 30))
            .WithGroup("g1")
            .WithCaregiver("anna").WithCaregiver("bo")
            .WithChild("kim", new LocalDate(2020, 1, 1), "g1")
            .Build();

        // bo: N Fri 22:00 → Sat 07:00, all CET: contact Sat 01:00–07:00 = 6 h.
        // anna: N Sat 22:00 CET → Sun 07:00 CEST: contact Sun 01:00 CET (00:00 UTC) – 07:00 CEST (05:00 UTC) = 5 real hours
        //       (6 by the wall clock).
        var rota = new RotaBuilder().Add("bo", fri, "g1-N").Add("anna", sat, "g1-N").Build();

        var kim = ContinuityScorer.Score(problem, rota).Children.Single();

        kim.ContactHours.Should().BeApproximately(11, Precision);

        // T = {bo (6), anna (5)}, C = 1. Key persons bo, anna: Sat and Sun → P = 2/7.
        kim.CoreTeam.Should().BeEquivalentTo(["anna", "bo"]);
        kim.KeyPersonDays.Should().BeApproximately(2.0 / 7, Precision);

        // On duty at 01:00 on Sat (bo) and Sun (anna); nobody at 19:30 → M = 2/14.
        kim.KeyMoments.Should().BeApproximately(2.0 / 14, Precision);

        // S = 100 × (0.35 + 0.25 × 2/7 + 0.20 × 2/14 + 0.20) = 100 × (0.55 + 0.1) = 65
        kim.Score.Should().BeApproximately(65, Precision);
    }

    [Fact]
    public void A_waking_day_across_the_autumn_change_is_an_hour_longer()
    {
        // Wake-up 01:00: the waking day of Sunday 2027-10-31 runs from 01:00 CEST (Sat 23:00 UTC) to 19:30 CET.
        var sat = AutumnMonday.PlusDays(5);
        var problem = new ProblemBuilder()
            .Starting(AutumnMonday)
            .WithKeyMoments(new LocalTime(1, 0), new LocalTime(19, 30))
            .WithGroup("g1")
            .WithCaregiver("anna")
            .WithChild("kim", new LocalDate(2020, 1, 1), "g1")
            .Build();

        // anna: N Sat 22:00 CEST → Sun 07:00 CET (10 real hours); contact 01:00 CEST (23:00 UTC) – 07:00 CET (06:00 UTC) = 7 h.
        var rota = new RotaBuilder().Add("anna", sat, "g1-N").Build();

        var kim = ContinuityScorer.Score(problem, rota).Children.Single();

        kim.ContactHours.Should().BeApproximately(7, Precision);
    }
}
