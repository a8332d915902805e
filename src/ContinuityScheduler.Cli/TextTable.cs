using System.Text;

namespace ContinuityScheduler.Cli;

/// <summary>A plain-text table with columns padded to their widest cell; numbers right-aligned.</summary>
public sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> rows = [];

    public TextTable Add(params object?[] cells)
    {
        rows.Add([.. cells.Select(Format)]);
        return this;
    }

    public override string ToString()
    {
        var widths = headers.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        Line(text, headers, widths, numeric: null);
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            Line(text, row, widths, numeric: row);
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, string[] cells, int[] widths, string[]? numeric)
    {
        var padded = cells.Select((cell, i) => numeric is not null && IsNumber(cell) ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]));
        text.AppendLine(string.Join("  ", padded).TrimEnd());
    }

    private static bool IsNumber(string cell) => cell.Length > 0 && double.TryParse(cell.TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture, out _);

    private static string Format(object? cell) => cell switch
    {
        null => "",
        double d => d.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(cell, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
