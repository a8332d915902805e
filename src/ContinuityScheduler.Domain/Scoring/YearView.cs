using ContinuityScheduler.Domain.Model;
using NodaTime;

namespace ContinuityScheduler.Domain.Scoring;

/// <summary>
/// A rota seen over the year: the children's different adults over published rotas with this rota published after them
/// (on dates both cover, this rota's), against the hospital way of the same horizons.
/// </summary>
public sealed record YearView(LocalDate From, LocalDate To, int Rotas, YearFigures Published, YearFigures HospitalWay)
{
    public static YearView Of(IReadOnlyList<PublishedRota> history, PlanningProblem problem, Rota rota)
    {
        var rotas = PublishedRota.InOrder([.. history.Select(h => (h.Problem, h.Rota)), (problem, rota)])
            .Select((r, i) => i < history.Count ? r with { Dates = r.Dates.Where(history[i].Dates.Contains).ToHashSet() } : r)
            .ToList();
        var dates = rotas.SelectMany(r => r.Dates).ToList();
        var (published, hospitalWay) = PublishedRota.Contacts(rotas, dates.Max(), _ => true);
        return new YearView(dates.Min(), dates.Max(), rotas.Count, YearFigures.Of(GroupHistory.Of(published)), YearFigures.Of(GroupHistory.Of(hospitalWay)));
    }
}

/// <summary>
/// Different adults a child met over the whole period (the mean over children, the under-threes' mean apart, the most) and
/// per week (the mean over the period's weeks of the children's mean).
/// </summary>
public sealed record YearFigures(int Children, double MeanDistinct, double? UnderThreeMeanDistinct, int MaxDistinct, double MeanDistinctPerWeek)
{
    public static YearFigures Of(GroupHistory history)
    {
        var children = history.Children;
        var underThree = children.Where(c => c.UnderThree).ToList();
        return children.Count == 0
            ? new YearFigures(0, 0, null, 0, 0)
            : new YearFigures(
                children.Count,
                children.Average(c => c.Distinct),
                underThree.Count == 0 ? null : underThree.Average(c => c.Distinct),
                children.Max(c => c.Distinct),
                history.Weeks.Average(w => w.MeanDistinct));
    }
}
