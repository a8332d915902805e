using System.Globalization;

namespace ContinuityScheduler.Cli;

/// <summary>How the command line prints objectives, bounds and gaps: invariant, "-" for none.</summary>
public static class Numbers
{
    public static string Format(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "-";

    public static string Gap(double? gap) => gap is { } g ? g.ToString("0.00%", CultureInfo.InvariantCulture) : "-";
}
