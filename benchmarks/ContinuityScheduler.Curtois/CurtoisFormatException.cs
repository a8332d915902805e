namespace ContinuityScheduler.Curtois;

/// <summary>An instance file that does not follow the format: the message names the file, the line and the reason.</summary>
public sealed class CurtoisFormatException(string source, int line, string reason)
    : Exception(line > 0 ? $"{source} line {line}: {reason}" : $"{source}: {reason}")
{
    public int Line { get; } = line;

    public string Reason { get; } = reason;
}
