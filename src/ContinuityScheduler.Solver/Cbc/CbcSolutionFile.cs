using System.Globalization;
using ContinuityScheduler.Solver.Engine;

namespace ContinuityScheduler.Solver.Cbc;

/// <summary>
/// Reads the solution file CBC writes. The header is read first: after "Infeasible", "Integer infeasible" or
/// "no integer solution - continuous used" the values are an LP relaxation, not a solution, and are ignored.
/// </summary>
internal static class CbcSolutionFile
{
    public static (MipStatus Status, double[]? Values) Read(string text, int columns)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0)
        {
            return (MipStatus.NoSolution, null);
        }

        var header = lines[0];
        if (header.Contains("no integer solution", StringComparison.OrdinalIgnoreCase))
        {
            return (MipStatus.NoSolution, null);
        }

        if (header.StartsWith("Infeasible", StringComparison.OrdinalIgnoreCase) || header.StartsWith("Integer infeasible", StringComparison.OrdinalIgnoreCase))
        {
            return (MipStatus.Infeasible, null);
        }

        if (header.StartsWith("Unbounded", StringComparison.OrdinalIgnoreCase) || !header.Contains("objective value", StringComparison.OrdinalIgnoreCase))
        {
            return (MipStatus.NoSolution, null);
        }

        var values = new double[columns];
        foreach (var line in lines.Skip(1))
        {
            var fields = line.TrimStart('*').Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 3 && fields[1].StartsWith('x')
                && int.TryParse(fields[1].AsSpan(1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var column)
                && column < columns
                && double.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                values[column] = value;
            }
        }

        var status = header.StartsWith("Optimal", StringComparison.OrdinalIgnoreCase) ? MipStatus.Optimal : MipStatus.Feasible;
        return (status, values);
    }

    /// <summary>A start solution in the same format, for -mipstart.</summary>
    public static string Write(IReadOnlyList<double> values)
    {
        var text = new System.Text.StringBuilder("Feasible - objective value 0\n");
        for (var i = 0; i < values.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i} {LpFormat.ColumnName(i)} {values[i]} 0\n");
        }

        return text.ToString();
    }
}
