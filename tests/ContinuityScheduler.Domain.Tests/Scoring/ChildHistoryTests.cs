using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Scoring;
using ContinuityScheduler.Domain.Shifts;
using ContinuityScheduler.Domain.Tests.Support;
using NodaTime;

namespace ContinuityScheduler.Domain.Tests.Scoring;

/// <summary>A child's caregivers over time, counted by hand: per week, month and year, who was there most, who left.</summary>
public sealed class ChildHistoryTests
{
    private static LocalDate D(int month, int day) => new(2027, month, day);

    private static IReadOnlySet<string> Set(params string[] caregivers) => caregivers.ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void A_hand_counted_history_gives_its_periods_its_most_present_and_its_departures()
    {
        // Mon 4 Jan {a,b}, Tue 5 Jan {a,c}, Mon 11 Jan {a,d}, Mon 1 Feb {b,e}, Tue 2 Feb {e}.
        var contacts = new Dictionary<LocalDate, IReadOnlySet<string>>
        {
            [D(2, 2)] = Set("e"),
            [D(1, 4)] = Set("a", "b"),
            [D(1, 11)] = Set("a", "d"),
            [D(1, 5)] = Set("a", "c"),
            [D(2, 1)] = Set("b", "e"),
        };

        var history = ChildHistory.Of("max", contacts);

        (history.Days, history.Distinct).Should().Be((5, 5));
        history.Weeks.Should().Equal(new HistoryPeriod(D(1, 4), 2, 3), new HistoryPeriod(D(1, 11), 1, 2), new HistoryPeriod(D(2, 1), 2, 2));
        history.Months.Should().Equal(new HistoryPeriod(D(1, 1), 3, 4), new HistoryPeriod(D(2, 1), 2, 2));
        history.Years.Should().Equal(new HistoryPeriod(D(1, 1), 5, 5));
        history.MostPresent.Should().Equal(new CaregiverPresence("a", 3), new CaregiverPresence("b", 2), new CaregiverPresence("e", 2), new CaregiverPresence("c", 1), new CaregiverPresence("d", 1));
        // January's regulars (on at least a quarter of its 3 days: every one of a, b, c, d); February sees only b of them.
        history.Departures.Should().Equal(new CaregiverDeparture("a", D(2, 1), D(1, 11)), new CaregiverDeparture("c", D(2, 1), D(1, 5)), new CaregiverDeparture("d", D(2, 1), D(1, 11)));
    }

    [Fact]
    public void A_caregiver_seen_on_less_than_a_quarter_of_a_months_days_is_not_a_departure()
    {
        var contacts = new Dictionary<LocalDate, IReadOnlySet<string>>
        {
            [D(1, 4)] = Set("a", "x"),
            [D(1, 5)] = Set("a"),
            [D(1, 6)] = Set("a"),
            [D(1, 7)] = Set("a"),
            [D(1, 8)] = Set("a"),
            [D(2, 1)] = Set("a"),
        };

        ChildHistory.Of("max", contacts).Departures.Should().BeEmpty("x was there on 1 of 5 days, under a quarter");
    }

    [Fact]
    public void The_contacts_are_those_the_score_counts()
    {
        var max = new Child("max", new LocalDate(2020, 1, 1), [new GroupMembership("g1", new LocalDate(2020, 1, 1), ProblemBuilder.Monday.PlusDays(2)), new GroupMembership("g2", ProblemBuilder.Monday.PlusDays(3))]);
        var problem = new ProblemBuilder()
            .WithGroup("g1").WithGroup("g2")
            .WithCaregiver("anna").WithCaregiver("bo").WithCaregiver("eva")
            .WithChild(max)
            .Build();
        var rota = new RotaBuilder()
            .AddDays("anna", ProblemBuilder.Monday, 7, "g1-E") // with max Mon–Wed only
            .AddDays("bo", ProblemBuilder.Monday, 7, "g2-E") // with max Thu–Sun only
            .AddDays("eva", ProblemBuilder.Monday.PlusDays(3), 2, "g2-L") // Thu, Fri
            .Build();

        var contacts = ContinuityScorer.Contacts(new ResolvedRota(problem, rota), max);

        contacts.Should().HaveCount(7);
        contacts[ProblemBuilder.Monday].Should().BeEquivalentTo(["anna"]);
        contacts[ProblemBuilder.Monday.PlusDays(3)].Should().BeEquivalentTo(["bo", "eva"]);
        contacts[ProblemBuilder.Monday.PlusDays(6)].Should().BeEquivalentTo(["bo"]);
        ChildHistory.Of("max", contacts).Distinct.Should().Be(ContinuityScorer.Score(problem, rota).Children.Single().DistinctCaregivers);
    }
}
