namespace ContinuityScheduler.Api.Tests;

/// <summary>A strict reader of the RFC 5545 subset the service writes: CRLF lines of at most 75 octets, folding, nested BEGIN/END.</summary>
public static class ICalendarText
{
    public static List<Dictionary<string, string>> Parse(string text)
    {
        text.Should().EndWith("\r\n");
        var physical = text[..^2].Split("\r\n");
        physical.Should().OnlyContain(l => System.Text.Encoding.UTF8.GetByteCount(l) <= 75, "lines are folded at 75 octets");
        var lines = new List<string>();
        foreach (var line in physical)
        {
            if (line.StartsWith(' '))
            {
                lines[^1] += line[1..];
            }
            else
            {
                lines.Add(line);
            }
        }

        lines[0].Should().Be("BEGIN:VCALENDAR");
        lines[^1].Should().Be("END:VCALENDAR");
        lines.Should().Contain("VERSION:2.0").And.Contain(l => l.StartsWith("PRODID:"));
        var events = new List<Dictionary<string, string>>();
        Dictionary<string, string>? current = null;
        foreach (var line in lines.Skip(1).SkipLast(1))
        {
            var colon = line.IndexOf(':');
            colon.Should().BePositive($"'{line}' is NAME:VALUE");
            var (name, value) = (line[..colon], line[(colon + 1)..]);
            if (name == "BEGIN")
            {
                current.Should().BeNull("events do not nest");
                value.Should().Be("VEVENT");
                current = [];
            }
            else if (name == "END")
            {
                current.Should().NotBeNull();
                events.Add(current!);
                current = null;
            }
            else if (current is not null)
            {
                current[name] = value;
            }
        }

        current.Should().BeNull("every BEGIN has its END");
        return events;
    }
}
