namespace ContinuityScheduler.Solver.Engine;

public enum Sense
{
    LessOrEqual,
    GreaterOrEqual,
    Equal,
}
