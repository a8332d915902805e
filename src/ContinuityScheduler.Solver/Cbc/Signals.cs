using System.Runtime.InteropServices;

namespace ContinuityScheduler.Solver.Cbc;

/// <summary>POSIX signals to a child process: SIGINT asks CBC to stop and write its best solution.</summary>
internal static partial class Signals
{
    private const int SigInt = 2;

    public static bool Interrupt(int processId) => OperatingSystem.IsWindows() is false && Kill(processId, SigInt) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
