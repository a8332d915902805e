namespace ContinuityScheduler.Cli;

/// <summary>A command line that does not say what to do: exit code 2 with the reason.</summary>
public sealed class UsageException(string message) : Exception(message);
