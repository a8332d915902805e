using ContinuityScheduler.Domain.Model;
using NodaTime;

namespace ContinuityScheduler.Domain.Tests.Support;

/// <summary>Hand-built rotas: <c>new RotaBuilder().Add("anna", monday, "g1-E").Build()</c>.</summary>
internal sealed class RotaBuilder
{
    private readonly List<Assignment> assignments = [];

    public RotaBuilder Add(string caregiverId, LocalDate date, string demandId)
    {
        assignments.Add(new Assignment(caregiverId, date, demandId));
        return this;
    }

    /// <summary>The same demand on each of several consecutive dates.</summary>
    public RotaBuilder AddDays(string caregiverId, LocalDate first, int days, string demandId)
    {
        for (var i = 0; i < days; i++)
        {
            Add(caregiverId, first.PlusDays(i), demandId);
        }

        return this;
    }

    public Rota Build(string madeBy = "manual") => new(assignments, madeBy);
}
