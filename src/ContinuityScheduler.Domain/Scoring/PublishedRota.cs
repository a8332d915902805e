using ContinuityScheduler.Domain.Baseline;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Shifts;
using NodaTime;

namespace ContinuityScheduler.Domain.Scoring;

/// <summary>
/// A published rota with the problem it was made for and the dates it is the published one for (a later one supersedes it on
/// the days they share); <paramref name="HospitalWayRota"/> is the hospital way's for the same problem when already made.
/// </summary>
public sealed record PublishedRota(PlanningProblem Problem, Rota Rota, IReadOnlySet<LocalDate> Dates, Rota? HospitalWayRota = null)
{
    /// <summary>Rotas published one after another: each is the published one for the dates of its horizon no later rota covers.</summary>
    public static IReadOnlyList<PublishedRota> InOrder(IReadOnlyList<(PlanningProblem Problem, Rota Rota)> published) =>
        [.. published.Select((p, i) => new PublishedRota(p.Problem, p.Rota, p.Problem.Horizon.Dates
            .Where(date => !published.Skip(i + 1).Any(later => later.Problem.Horizon.Dates.Contains(date)))
            .ToHashSet()))];

    /// <summary>
    /// The chosen children's contacts on the rotas' published days (those <paramref name="kept"/> keeps), on the published rotas
    /// and on the hospital way's of the same horizons; each child as the latest rota knows it, under three on <paramref name="to"/>.
    /// </summary>
    public static (List<ChildContacts> Published, List<ChildContacts> HospitalWay) Contacts(
        IEnumerable<PublishedRota> rotas,
        LocalDate to,
        Func<Child, bool> chosen,
        Func<Child, IReadOnlyDictionary<LocalDate, IReadOnlySet<string>>, IReadOnlyDictionary<LocalDate, IReadOnlySet<string>>>? kept = null)
    {
        var children = new Dictionary<string, Child>(StringComparer.Ordinal);
        var published = new Dictionary<string, Dictionary<LocalDate, IReadOnlySet<string>>>(StringComparer.Ordinal);
        var hospitalWay = new Dictionary<string, Dictionary<LocalDate, IReadOnlySet<string>>>(StringComparer.Ordinal);
        foreach (var (problem, made, dates, madeHospitalWay) in rotas)
        {
            var chosenHere = problem.Children.Where(chosen).ToList();
            if (chosenHere.Count == 0)
            {
                continue;
            }

            var rota = new ResolvedRota(problem, made);
            var reference = new ResolvedRota(problem, madeHospitalWay ?? HospitalWay.Generate(problem));
            foreach (var child in chosenHere)
            {
                children[child.Id] = child;
                IReadOnlyDictionary<LocalDate, IReadOnlySet<string>> Kept(IReadOnlyDictionary<LocalDate, IReadOnlySet<string>> contacts) => kept is null ? contacts : kept(child, contacts);
                Add(published, child.Id, Kept(ContinuityScorer.Contacts(rota, child)), dates);
                Add(hospitalWay, child.Id, Kept(ContinuityScorer.Contacts(reference, child)), dates);
            }
        }

        List<ChildContacts> Of(Dictionary<string, Dictionary<LocalDate, IReadOnlySet<string>>> contacts) =>
            [.. children.Values.Select(c => new ChildContacts(c.Id, c.IsUnderThreeOn(to), contacts[c.Id]))];
        return (Of(published), Of(hospitalWay));
    }

    private static void Add(Dictionary<string, Dictionary<LocalDate, IReadOnlySet<string>>> into, string childId, IReadOnlyDictionary<LocalDate, IReadOnlySet<string>> contacts, IReadOnlySet<LocalDate> dates)
    {
        var days = into.TryGetValue(childId, out var known) ? known : into[childId] = [];
        foreach (var (date, caregivers) in contacts.Where(c => dates.Contains(c.Key)))
        {
            days[date] = caregivers;
        }
    }
}
