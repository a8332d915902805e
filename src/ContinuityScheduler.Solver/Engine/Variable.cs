namespace ContinuityScheduler.Solver.Engine;

/// <summary>A column of a mixed-integer model: its index, bounds and whether it must be whole.</summary>
public readonly record struct Variable(int Index, double Lower, double Upper, bool IsInteger)
{
    public bool IsBinary => IsInteger && Lower == 0 && Upper == 1;
}
