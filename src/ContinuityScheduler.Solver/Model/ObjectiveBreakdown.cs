namespace ContinuityScheduler.Solver.Model;

/// <summary>The objective of a rota by term, in order of weight (docs/solver.md), and their sum.</summary>
public sealed record ObjectiveBreakdown(
    double Shortfall,
    double Continuity,
    double KeyPersons,
    double Stability,
    double Wishes,
    double ContractCloseness,
    double Fairness,
    double Changes = 0)
{
    public double Total => Shortfall + Changes + Continuity + KeyPersons + Stability + Wishes + ContractCloseness + Fairness;
}
