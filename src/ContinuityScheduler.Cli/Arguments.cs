namespace ContinuityScheduler.Cli;

/// <summary>A command line split into positional arguments, <c>--name value</c> options and <c>--flag</c> switches.</summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string> options = new(StringComparer.Ordinal);
    private readonly HashSet<string> flags = new(StringComparer.Ordinal);

    public Arguments(IEnumerable<string> args, IEnumerable<string> knownFlags)
    {
        var switches = knownFlags.ToHashSet(StringComparer.Ordinal);
        var queue = new Queue<string>(args);
        while (queue.Count > 0)
        {
            var arg = queue.Dequeue();
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                Positional.Add(arg);
            }
            else if (switches.Contains(arg))
            {
                flags.Add(arg);
            }
            else if (queue.Count > 0 && !queue.Peek().StartsWith("--", StringComparison.Ordinal))
            {
                options[arg] = queue.Dequeue();
            }
            else
            {
                throw new UsageException($"Option {arg} needs a value.");
            }
        }
    }

    public List<string> Positional { get; } = [];

    public bool Has(string flag) => flags.Contains(flag);

    public string? Option(string name) => options.GetValueOrDefault(name);

    public string Required(string name) => Option(name) ?? throw new UsageException($"Missing {name}.");

    public string At(int index, string what) => index < Positional.Count ? Positional[index] : throw new UsageException($"Missing {what}.");

    /// <summary>Options the command does not know are a mistake the user should hear about.</summary>
    public void Only(params string[] known)
    {
        var unknown = options.Keys.FirstOrDefault(k => !known.Contains(k));
        if (unknown is not null)
        {
            throw new UsageException($"Unknown option {unknown}.");
        }
    }
}

/// <summary>A command line that does not say what to do: exit code 2 with the reason.</summary>
public sealed class UsageException(string message) : Exception(message);
