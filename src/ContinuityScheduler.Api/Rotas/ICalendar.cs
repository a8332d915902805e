using System.Globalization;
using System.Text;
using ContinuityScheduler.Domain.Shifts;
using NodaTime;

namespace ContinuityScheduler.Api.Rotas;

/// <summary>An RFC 5545 calendar of one caregiver's shifts: UTC times, escaped text, lines folded at 75 octets, CRLF.</summary>
public static class ICalendar
{
    public static string Write(string caregiverId, IEnumerable<(Guid RotaId, WorkedShift Shift, string GroupNames)> shifts, Instant now)
    {
        var lines = new List<string> { "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ContinuityScheduler//Rota//EN", "CALSCALE:GREGORIAN", $"X-WR-CALNAME:{Escape($"Shifts of {caregiverId}")}" };
        foreach (var (rotaId, shift, groups) in shifts.OrderBy(s => s.Shift.Interval.Start))
        {
            lines.Add("BEGIN:VEVENT");
            lines.Add($"UID:{rotaId:N}-{shift.Date:yyyyMMdd}-{Escape(shift.Demand!.Id)}@continuityscheduler");
            lines.Add($"DTSTAMP:{Utc(now)}");
            lines.Add($"DTSTART:{Utc(shift.Interval.Start)}");
            lines.Add($"DTEND:{Utc(shift.Interval.End)}");
            lines.Add($"SUMMARY:{Escape($"{shift.ShiftType.Name} – {groups}")}");
            lines.Add($"DESCRIPTION:{Escape($"Shift {shift.ShiftType.Code}, post {shift.Demand.Id}; working hours {shift.WorkingHours.ToString("0.##", CultureInfo.InvariantCulture)}, paid hours {shift.PaidHours.ToString("0.##", CultureInfo.InvariantCulture)}.")}");
            lines.Add("END:VEVENT");
        }

        lines.Add("END:VCALENDAR");
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(text, line);
        }

        return text.ToString();
    }

    private static string Utc(Instant instant) => instant.InUtc().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>RFC 5545 TEXT: backslash, semicolon and comma escaped, any line break (CR LF, LF or a bare CR) as \n, other control characters dropped.</summary>
    private static string Escape(string value) =>
        string.Concat(value.Replace("\r\n", "\n").Replace('\r', '\n').Select(c => c switch
        {
            '\\' => "\\\\",
            ';' => "\\;",
            ',' => "\\,",
            '\n' => "\\n",
            _ when char.IsControl(c) => "",
            _ => c.ToString(),
        }));

    /// <summary>Lines longer than 75 octets continue on the next line after a space, never splitting a UTF-8 character.</summary>
    private static void Fold(StringBuilder text, string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75)
            {
                text.Append("\r\n ");
                octets = 1;
            }

            text.Append(rune.ToString());
            octets += size;
        }

        text.Append("\r\n");
    }
}
