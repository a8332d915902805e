using ContinuityScheduler.Solver.Engine;

namespace ContinuityScheduler.Curtois;

/// <summary>An instance as a MIP: the engine-neutral model, the assignment columns x[e,d,s] and how every other column follows from a roster.</summary>
public sealed class CurtoisModel(
    CurtoisInstance instance,
    MipModel mip,
    Variable?[,,] assignments,
    IReadOnlyList<(Variable Column, Func<CurtoisRoster, double> Value)> derived)
{
    public CurtoisInstance Instance { get; } = instance;

    public MipModel Mip { get; } = mip;

    /// <summary>The column of employee e working shift s (instance order) on day d; null where the model leaves it out.</summary>
    public Variable? Assignment(int employee, int day, int shift) => assignments[employee, day, shift];

    public CurtoisRoster Decode(IReadOnlyList<double> values)
    {
        var roster = new CurtoisRoster(Instance.Staff.Count, Instance.Days);
        for (var e = 0; e < roster.Employees; e++)
        {
            for (var d = 0; d < roster.Days; d++)
            {
                for (var s = 0; s < Instance.Shifts.Count; s++)
                {
                    if (assignments[e, d, s] is { } x && values[x.Index] > 0.5)
                    {
                        roster[e, d] = Instance.Shifts[s].Id;
                    }
                }
            }
        }

        return roster;
    }

    /// <summary>The value of every column for a roster: a start for the engine (feasible when the roster is valid).</summary>
    public double[] Encode(CurtoisRoster roster)
    {
        var values = new double[Mip.Variables.Count];
        for (var e = 0; e < roster.Employees; e++)
        {
            for (var d = 0; d < roster.Days; d++)
            {
                for (var s = 0; s < Instance.Shifts.Count; s++)
                {
                    if (assignments[e, d, s] is { } x && roster[e, d] == Instance.Shifts[s].Id)
                    {
                        values[x.Index] = 1;
                    }
                }
            }
        }

        foreach (var (column, value) in derived)
        {
            values[column.Index] = value(roster);
        }

        return values;
    }
}
