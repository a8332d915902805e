namespace ContinuityScheduler.Api.Jobs;

public static class JobState
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public const string SolveKind = "solve";
    public const string RepairKind = "repair";

    public static bool IsFinished(string state) => state is Succeeded or Failed or Cancelled;
}
