using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Scoring;
using ContinuityScheduler.Domain.Shifts;
using ContinuityScheduler.Domain.Tests.Support;
using NodaTime;

namespace ContinuityScheduler.Domain.Tests.Scoring;

/// <summary>A group's caregivers over time from its children's histories, counted by hand.</summary>
public sealed class GroupHistoryTests
{
    private static LocalDate D(int month, int day) => new(2027, month, day);

    private static IReadOnlySet<string> Set(params string[] caregivers) => caregivers.ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void A_hand_counted_group_gives_each_periods_mean_and_most_the_under_threes_mean_the_adults_met_and_the_departures()
    {
        // 4 Jan, 11 Jan and 1 Feb 2027 are Mondays.
        // ann (under three): Mon 4 Jan {a,b}, Tue 5 Jan {a,c}, Mon 1 Feb {a}
        //   weeks 4 Jan 3, 1 Feb 1; months Jan 3, Feb 1; year 3; days 3, distinct 3;
        //   January's regulars a, b, c (each on at least a quarter of 2 days); February sees a: b and c left, 2 departures.
        // ben: Mon 4 Jan {a}, Mon 11 Jan {d}, Mon 1 Feb {d,e}
        //   weeks 4 Jan 1, 11 Jan 1, 1 Feb 2; months Jan 2, Feb 2; year 3; days 3, distinct 3; a left, 1 departure.
        // cas: Mon 11 Jan {b}, Tue 12 Jan {} (there, nobody with it)
        //   week 11 Jan 1; month Jan 1; year 1; days 2, distinct 1; one month only, no departure.
        // eva (under three): Tue 2 Feb {e}
        //   week 1 Feb 1; month Feb 1; year 1; days 1, distinct 1, no departure.
        // dan: no day at all, so not one of the group's children.
        var children = new[]
        {
            new ChildContacts("ben", false, new Dictionary<LocalDate, IReadOnlySet<string>> { [D(1, 4)] = Set("a"), [D(1, 11)] = Set("d"), [D(2, 1)] = Set("d", "e") }),
            new ChildContacts("ann", true, new Dictionary<LocalDate, IReadOnlySet<string>> { [D(1, 4)] = Set("a", "b"), [D(1, 5)] = Set("a", "c"), [D(2, 1)] = Set("a") }),
            new ChildContacts("dan", true, new Dictionary<LocalDate, IReadOnlySet<string>>()),
            new ChildContacts("eva", true, new Dictionary<LocalDate, IReadOnlySet<string>> { [D(2, 2)] = Set("e") }),
            new ChildContacts("cas", false, new Dictionary<LocalDate, IReadOnlySet<string>> { [D(1, 11)] = Set("b"), [D(1, 12)] = Set() }),
        };

        var history = GroupHistory.Of(children);

        // Adults met at all: a, b, c, d, e. Departures: 2 + 1 + 0 + 0.
        (history.Distinct, history.Departures).Should().Be((5, 3));
        // Week 4 Jan: ann 3, ben 1; under-threes ann. Week 11 Jan: ben 1, cas 1; no under-three. Week 1 Feb: ann 1, ben 2, eva 1; under-threes ann, eva.
        history.Weeks.Should().Equal(
            new GroupHistoryPeriod(D(1, 4), 2, 2.0, 3, 3.0),
            new GroupHistoryPeriod(D(1, 11), 2, 1.0, 1, null),
            new GroupHistoryPeriod(D(2, 1), 3, 4.0 / 3, 2, 1.0));
        // January: ann 3, ben 2, cas 1; under-three ann. February: ann 1, ben 2, eva 1; under-threes ann, eva.
        history.Months.Should().Equal(
            new GroupHistoryPeriod(D(1, 1), 3, 2.0, 3, 3.0),
            new GroupHistoryPeriod(D(2, 1), 3, 4.0 / 3, 2, 1.0));
        // 2027: ann 3, ben 3, cas 1, eva 1; under-threes ann 3 and eva 1.
        history.Years.Should().Equal(new GroupHistoryPeriod(D(1, 1), 4, 2.0, 3, 2.0));
        history.Children.Should().Equal(
            new GroupHistoryChild("ann", true, 3, 3, 2),
            new GroupHistoryChild("ben", false, 3, 3, 1),
            new GroupHistoryChild("cas", false, 2, 1, 0),
            new GroupHistoryChild("eva", true, 1, 1, 0));
    }

    [Fact]
    public void A_group_without_children_on_any_day_has_no_periods_and_met_nobody()
    {
        var history = GroupHistory.Of([new ChildContacts("dan", false, new Dictionary<LocalDate, IReadOnlySet<string>>())]);

        (history.Distinct, history.Departures, history.Weeks.Count, history.Children.Count).Should().Be((0, 0, 0, 0));
    }

    [Fact]
    public void A_child_who_moves_counts_in_each_group_only_on_its_days_there()
    {
        // max lives in g1 Monday to Wednesday and in g2 from Thursday; anna works g1 all week, bo g2 all week.
        var max = new Child("max", new LocalDate(2020, 1, 1), [new GroupMembership("g1", new LocalDate(2020, 1, 1), ProblemBuilder.Monday.PlusDays(2)), new GroupMembership("g2", ProblemBuilder.Monday.PlusDays(3))]);
        var problem = new ProblemBuilder()
            .WithGroup("g1").WithGroup("g2")
            .WithCaregiver("anna").WithCaregiver("bo")
            .WithChild(max)
            .Build();
        var rota = new RotaBuilder()
            .AddDays("anna", ProblemBuilder.Monday, 7, "g1-E")
            .AddDays("bo", ProblemBuilder.Monday, 7, "g2-E")
            .Build();
        var contacts = ContinuityScorer.Contacts(new ResolvedRota(problem, rota), max);

        var g1 = GroupHistory.Of([new ChildContacts("max", false, GroupHistory.InGroup(contacts, max, "g1"))]);
        var g2 = GroupHistory.Of([new ChildContacts("max", false, GroupHistory.InGroup(contacts, max, "g2"))]);

        g1.Children.Should().Equal(new GroupHistoryChild("max", false, 3, 1, 0));
        g2.Children.Should().Equal(new GroupHistoryChild("max", false, 4, 1, 0));
        (g1.Distinct, g2.Distinct).Should().Be((1, 1), "anna is with max only in g1, bo only in g2");
    }
}
