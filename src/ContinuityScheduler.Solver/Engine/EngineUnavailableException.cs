namespace ContinuityScheduler.Solver.Engine;

/// <summary>The engine's program or library is not installed; the message says how to install it.</summary>
public sealed class EngineUnavailableException(string message) : Exception(message);
