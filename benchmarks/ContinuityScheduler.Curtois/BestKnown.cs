using System.Globalization;

namespace ContinuityScheduler.Curtois;

/// <summary>The published best-known objective per instance name, read from best-known.csv (instance,days,staff,shift_types,best_known_ub,lower_bound).</summary>
public static class BestKnown
{
    public static IReadOnlyDictionary<string, int> Read(string path)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, number) in File.ReadLines(path).Select((l, i) => (l, i + 1)).Skip(1))
        {
            var fields = line.Split(',');
            if (fields.Length < 5 || !int.TryParse(fields[4], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                throw new FormatException($"{path} line {number}: expected instance,days,staff,shift_types,best_known_ub,lower_bound.");
            }

            result[fields[0].Trim()] = value;
        }

        return result;
    }
}
