namespace ContinuityScheduler.Curtois;

/// <summary>
/// Who works what: for each employee (in the instance's staff order) and day, a shift id or null for a day off.
/// Written and read as one line per employee of space-separated shift ids, '.' for a day off.
/// </summary>
public sealed class CurtoisRoster
{
    private const string Off = ".";

    private readonly string?[,] cells;

    public CurtoisRoster(int employees, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(employees);
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        cells = new string?[employees, days];
    }

    public int Employees => cells.GetLength(0);

    public int Days => cells.GetLength(1);

    public string? this[int employee, int day]
    {
        get => cells[employee, day];
        set => cells[employee, day] = value;
    }

    public bool Works(int employee, int day) => cells[employee, day] is not null;

    public static CurtoisRoster Parse(IReadOnlyList<string> rows)
    {
        var split = rows.Select(r => r.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var days = split.Count == 0 ? 0 : split[0].Length;
        if (split.Any(r => r.Length != days))
        {
            throw new FormatException($"Every roster row must have {days} days.");
        }

        var roster = new CurtoisRoster(split.Count, days);
        for (var e = 0; e < split.Count; e++)
        {
            for (var d = 0; d < days; d++)
            {
                roster[e, d] = split[e][d] == Off ? null : split[e][d];
            }
        }

        return roster;
    }

    public override string ToString() =>
        string.Join('\n', Enumerable.Range(0, Employees).Select(e => string.Join(' ', Enumerable.Range(0, Days).Select(d => cells[e, d] ?? Off))));
}
