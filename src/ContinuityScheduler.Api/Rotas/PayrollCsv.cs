using System.Globalization;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Shifts;
using CsvHelper;

namespace ContinuityScheduler.Api.Rotas;

/// <summary>
/// Worked and paid hours per caregiver and day for payroll. A shift counts on its start date, as rotas name it. Text cells
/// that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) get a leading
/// apostrophe (OWASP's rule against CSV injection).
/// </summary>
public static class PayrollCsv
{
    public static string Write(StoredRota stored)
    {
        var problem = stored.Problem;
        var days = new ResolvedRota(problem, stored.Rota).RotaShifts
            .GroupBy(s => (s.CaregiverId, s.Date))
            .OrderBy(g => g.Key.CaregiverId, StringComparer.Ordinal).ThenBy(g => g.Key.Date);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = CsvWriter.Create(text, new CsvWriterOptions(), leaveOpen: true);
        foreach (var header in new[] { "caregiverId", "externalId", "date", "shifts", "workedHours", "paidHours" })
        {
            csv.WriteField(header);
        }

        csv.EndRecord();
        foreach (var day in days)
        {
            csv.WriteField(Cell(day.Key.CaregiverId));
            csv.WriteField(Cell(problem.CaregiversById[day.Key.CaregiverId].ExternalId ?? ""));
            csv.WriteField(IsoText.Of(day.Key.Date));
            csv.WriteField(string.Join(' ', day.Select(s => s.ShiftType.Code)));
            csv.WriteField(Math.Round(day.Sum(s => s.WorkingHours), 2).ToString("0.00", CultureInfo.InvariantCulture));
            csv.WriteField(Math.Round(day.Sum(s => s.PaidHours), 2).ToString("0.00", CultureInfo.InvariantCulture));
            csv.EndRecord();
        }

        csv.Flush();
        return text.ToString();
    }

    /// <summary>A text cell neutralised against formula injection.</summary>
    public static string Cell(string value) => value.Length > 0 && "=+-@\t\r".Contains(value[0]) ? $"'{value}" : value;
}
