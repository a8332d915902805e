using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Solver.Model;

namespace ContinuityScheduler.Solver;

/// <summary>
/// The incumbent of a neighbourhood search, shared by the lanes that improve it side by side. A lane's answer is
/// laid over the incumbent as it is now, not as it was when the lane began, and kept only if the model accepts the
/// whole rota and prices it lower: two lanes can never undo or break each other's work.
/// </summary>
internal sealed class Search
{
    private readonly object gate = new();
    private readonly RotaModel model;

    public Search(RotaModel model)
    {
        this.model = model;
        Rota = new Rota([], RotaSolver.MadeBy);
        Values = model.ValuesFor(Rota);
    }

    public Rota Rota { get; private set; }

    public double[] Values { get; private set; }

    public double Objective { get; private set; } = double.PositiveInfinity;

    public bool Valid { get; private set; }

    /// <summary>The neighbourhoods' turns, shared by every lane working on this incumbent.</summary>
    public Turns Turns { get; } = new();

    public (Rota Rota, double[] Values) Snapshot()
    {
        lock (gate)
        {
            return (Rota, Values);
        }
    }

    /// <summary>Keeps a whole rota when it is valid and better than the incumbent.</summary>
    public bool Offer(Rota rota) => Offer(rota, []);

    /// <summary>Sets the given assignments on or off in the current incumbent (or in the rota given when there is none) and keeps the result when it is valid and better.</summary>
    public bool Offer(Rota basis, IEnumerable<(AssignmentKey Key, bool Worked)> changes)
    {
        lock (gate)
        {
            var assignments = (Valid ? Rota : basis).Assignments.ToHashSet();
            foreach (var (key, worked) in changes)
            {
                var assignment = new Assignment(key.CaregiverId, key.Date, key.DemandId);
                if (worked)
                {
                    assignments.Add(assignment);
                }
                else
                {
                    assignments.Remove(assignment);
                }
            }

            var rota = new Rota(assignments, RotaSolver.MadeBy);
            var values = model.ValuesFor(rota);
            var objective = model.Mip.Evaluate(values);
            if (!model.Covers(rota) || model.Mip.Violated(values).Any() || (Valid && objective >= Objective - 1e-6))
            {
                return false;
            }

            (Rota, Values, Objective, Valid) = (rota, values, objective, true);
            return true;
        }
    }
}
