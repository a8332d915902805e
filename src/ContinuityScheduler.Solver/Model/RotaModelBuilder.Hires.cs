using ContinuityScheduler.Solver.Engine;

namespace ContinuityScheduler.Solver.Model;

/// <summary>Staffing advice: candidates work only when hired, and their contract's minimums bind only then.</summary>
public sealed partial class RotaModelBuilder
{
    /// <summary>One "hired" column per candidate copy: each of its shifts needs it, and a profile's copies are hired in order.</summary>
    private void AddHires()
    {
        if (hiring is null)
        {
            return;
        }

        foreach (var profile in hiring.Profiles)
        {
            Variable? previous = null;
            foreach (var id in profile)
            {
                var cells = Horizon.Dates.SelectMany(d => On(id, d)).ToList();
                var column = Auxiliary(mip.AddBinary(), v => Sum(v, cells) > 0.5 ? 1 : 0);
                foreach (var day in Horizon.Dates.Select(d => On(id, d).ToList()).Where(d => d.Count > 0))
                {
                    Implies("link:hired", day, column);
                }

                if (previous is { } before)
                {
                    // Copies are alike: breaking their symmetry spares the engine proving the same count once per order.
                    mip.Add("link:hired-in-order", [column, -1 * (Term)before], Sense.LessOrEqual, 0, id);
                }

                hired[id] = column;
                hires.Add(new Term(hiring.Weights[id], column));
                previous = column;
            }
        }
    }

    /// <summary>
    /// A row Σ terms (sense) right-hand side that binds a candidate only when hired: its right-hand side moves onto the
    /// "hired" column (Σ terms − rhs·hired (sense) 0). Any other caregiver's row is returned as it is.
    /// </summary>
    private (List<Term> Terms, double RightHandSide) WhenHired(string caregiverId, IEnumerable<Term> terms, double rightHandSide) =>
        hired.TryGetValue(caregiverId, out var column)
            ? ([.. terms, new Term(-rightHandSide, column)], 0)
            : ([.. terms], rightHandSide);

    /// <summary>1 for a caregiver on the staff; for a candidate, the value of its "hired" column.</summary>
    private double HiredValue(double[] values, string caregiverId) =>
        hired.TryGetValue(caregiverId, out var column) ? values[column.Index] : 1;
}
