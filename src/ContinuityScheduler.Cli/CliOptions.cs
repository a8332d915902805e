using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace ContinuityScheduler.Cli;

/// <summary>The arguments and options several commands share, each with the message it gives for a bad value.</summary>
public static class CliOptions
{
    public static Argument<string> File(string name, string description) => NoOptions(new Argument<string>(name) { Description = description });

    /// <summary>
    /// The parser takes a word it does not know for the next argument, even --frobnicate; no file or name here starts
    /// with --, so such a word is reported as the unknown option it is.
    /// </summary>
    public static Argument<T> NoOptions<T>(Argument<T> argument)
    {
        argument.Validators.Add(result =>
        {
            if (result.Tokens.FirstOrDefault(t => LooksLikeOption(t.Value)) is { } token)
            {
                result.AddError($"Unknown option '{token.Value}'.");
            }
        });
        return argument;
    }

    /// <summary>A switch that takes no value, so <c>--json ROTA</c> leaves ROTA to the command's arguments.</summary>
    public static Option<bool> Flag(string name, string description) => new(name) { Description = description, Arity = ArgumentArity.Zero };

    public static Option<bool> Json() => Flag("--json", "print the result as JSON");

    public static Option<string> Out(string helpName, string description, bool required = true) =>
        Text("--out", helpName, description, required);

    /// <summary>A text value; <c>--out --json</c> is a missing value, not a file named --json.</summary>
    public static Option<string> Text(string name, string helpName, string description, bool required)
    {
        var option = new Option<string>(name) { Description = description, HelpName = helpName, Required = required };
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && LooksLikeOption(result.Tokens[0].Value))
            {
                result.AddError(NeedsValue(name));
            }
        });
        return option;
    }

    /// <summary>A number of at least <paramref name="min"/>, <paramref name="fallback"/> when not given.</summary>
    public static Option<double> Number(string name, string helpName, string description, double fallback, double min) => new(name)
    {
        Description = description,
        HelpName = helpName,
        DefaultValueFactory = _ => fallback,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
            if (text is null)
            {
                return fallback;
            }

            if (LooksLikeOption(text))
            {
                result.AddError(NeedsValue(name));
                return fallback;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min)
            {
                return value;
            }

            result.AddError($"{name} takes a number of at least {min.ToString(CultureInfo.InvariantCulture)}, not '{text}'.");
            return fallback;
        },
    };

    /// <summary>An ISO date; null when not given.</summary>
    public static Option<LocalDate?> Date(string name, string description, bool required) => new(name)
    {
        Description = description,
        HelpName = "DATE",
        Required = required,
        CustomParser = result => ParseDate(result, name),
    };

    // The parser hands an option the next token even when it is another option; a value never starts with --.
    private static bool LooksLikeOption(string token) => token.StartsWith("--", StringComparison.Ordinal);

    private static string NeedsValue(string name) => $"Option {name} needs a value.";

    private static LocalDate? ParseDate(ArgumentResult result, string name)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        var text = result.Tokens[0].Value;
        if (LooksLikeOption(text))
        {
            result.AddError(NeedsValue(name));
            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        if (parsed.Success)
        {
            return parsed.Value;
        }

        result.AddError($"{name} takes an ISO date such as 2026-12-07, not '{text}'.");
        return null;
    }
}
