namespace ContinuityScheduler.Api.Jobs;

public static class JobState
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";

    /// <summary>Finished with a rota that breaks a hard rule (no rota keeping them all was found, or exists); its violations say which.</summary>
    public const string Infeasible = "infeasible";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public const string SolveKind = "solve";
    public const string RepairKind = "repair";

    /// <summary>Staffing advice: the fewest hires that reach a target; its rota is in the result, never stored as a rota.</summary>
    public const string AdviceKind = "advice";

    /// <summary>The leave-one-out view of a stored rota; its repaired rotas are never stored as rotas.</summary>
    public const string LeaveOneOutKind = "leave-one-out";

    public static bool IsFinished(string state) => state is Succeeded or Infeasible or Failed or Cancelled;
}
