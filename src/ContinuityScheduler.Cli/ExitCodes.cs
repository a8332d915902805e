namespace ContinuityScheduler.Cli;

public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The rota breaks a hard rule.</summary>
    public const int HardViolations = 1;

    /// <summary>The command line or an input document is wrong.</summary>
    public const int BadInput = 2;
}
