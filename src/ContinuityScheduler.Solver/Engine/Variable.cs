namespace ContinuityScheduler.Solver.Engine;

/// <summary>
/// A column of a linear model: its index, bounds, whether it must be whole, and for a continuous column the grid
/// <paramref name="Step"/> it takes values on in an integer engine (a continuous column only ever relaxes rows and
/// costs at least 0, so rounding it up to its grid keeps every row and costs at most one step; none when
/// <paramref name="OnGrid"/> says its least value for whole assignments always lies on the grid).
/// </summary>
public readonly record struct Variable(int Index, double Lower, double Upper, bool IsInteger, double Step = 1, bool OnGrid = false)
{
    public bool IsBinary => IsInteger && Lower == 0 && Upper == 1;
}
