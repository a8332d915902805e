using System.Globalization;

namespace ContinuityScheduler.Curtois;

/// <summary>
/// Reads the Curtois–Qu text format (sections, comma fields, '|' lists). Every mistake is reported with its line
/// number and reason: unknown sections, wrong field counts, numbers that are not whole, unknown ids, days outside
/// the horizon, duplicates. Days off and requests may be absent; horizon, shifts, staff and cover may not.
/// </summary>
public static class CurtoisReader
{
    private static readonly string[] Sections =
        ["HORIZON", "SHIFTS", "STAFF", "DAYS_OFF", "SHIFT_ON_REQUESTS", "SHIFT_OFF_REQUESTS", "COVER"];

    public static CurtoisInstance ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No instance file at {path}.", path);
        }

        return Read(File.ReadAllText(path), Path.GetFileNameWithoutExtension(path));
    }

    public static CurtoisInstance Read(string text, string name)
    {
        var lines = new Dictionary<string, List<(int Number, string Text)>>(StringComparer.Ordinal);
        List<(int, string)>? current = null;
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("SECTION_", StringComparison.Ordinal))
            {
                var section = line["SECTION_".Length..];
                if (!Sections.Contains(section))
                {
                    throw new CurtoisFormatException(name, number, $"unknown section '{line}' (expected one of {string.Join(", ", Sections.Select(s => "SECTION_" + s))}).");
                }

                if (lines.ContainsKey(section))
                {
                    throw new CurtoisFormatException(name, number, $"section '{line}' appears twice.");
                }

                current = lines[section] = [];
                continue;
            }

            if (current is null)
            {
                throw new CurtoisFormatException(name, number, "data before the first SECTION_ line.");
            }

            current.Add((number, line));
        }

        return new Parser(name, lines).Instance();
    }

    private sealed class Parser(string name, Dictionary<string, List<(int Number, string Text)>> sections)
    {
        private int days;
        private readonly Dictionary<string, CurtoisShift> shifts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, CurtoisStaff> staff = new(StringComparer.Ordinal);

        public CurtoisInstance Instance()
        {
            days = Horizon();
            Shifts();
            Staff();
            var daysOff = DaysOff();
            var onRequests = Requests("SHIFT_ON_REQUESTS");
            var offRequests = Requests("SHIFT_OFF_REQUESTS");
            var cover = Cover();
            return new CurtoisInstance(name, days, [.. shifts.Values], [.. staff.Values], daysOff, onRequests, offRequests, cover);
        }

        private int Horizon()
        {
            var lines = Section("HORIZON");
            if (lines.Count != 1)
            {
                throw Error(lines.Count == 0 ? 0 : lines[1].Number, "SECTION_HORIZON holds exactly one value, the number of days.");
            }

            var (line, text) = lines[0];
            var value = Whole(line, text.TrimEnd(','), "the number of days");
            return value > 0 && value % 7 == 0 ? value : throw Error(line, $"the horizon must be a positive multiple of 7 days (day 0 is a Monday), not {value}.");
        }

        private void Shifts()
        {
            foreach (var (line, text) in Section("SHIFTS"))
            {
                var fields = Fields(line, text, 3, "ShiftID, LengthMinutes, NotFollowedBy", optionalLast: true);
                var id = Id(line, fields[0], "shift");
                var length = Whole(line, fields[1], "the shift length in minutes");
                if (length <= 0)
                {
                    throw Error(line, $"shift {id} must last a positive number of minutes, not {length}.");
                }

                if (!shifts.TryAdd(id, new CurtoisShift(id, length, List(fields[2]))))
                {
                    throw Error(line, $"shift {id} is defined twice.");
                }
            }

            if (shifts.Count == 0)
            {
                throw Error(0, "SECTION_SHIFTS defines no shift type.");
            }

            foreach (var (line, text) in Section("SHIFTS"))
            {
                var shift = shifts[text.Split(',')[0].Trim()];
                var unknown = shift.NotFollowedBy.FirstOrDefault(s => !shifts.ContainsKey(s));
                if (unknown is not null)
                {
                    throw Error(line, $"shift {shift.Id} may not be followed by '{unknown}', which is not a shift type.");
                }
            }
        }

        private void Staff()
        {
            foreach (var (line, text) in Section("STAFF"))
            {
                var fields = Fields(line, text, 8, "ID, MaxShifts, MaxTotalMinutes, MinTotalMinutes, MaxConsecutiveShifts, MinConsecutiveShifts, MinConsecutiveDaysOff, MaxWeekends");
                var id = Id(line, fields[0], "employee");
                var maxShifts = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var pair in List(fields[1]))
                {
                    var parts = pair.Split('=');
                    if (parts.Length != 2)
                    {
                        throw Error(line, $"MaxShifts entry '{pair}' is not ShiftID=limit.");
                    }

                    var shift = KnownShift(line, parts[0].Trim());
                    if (!maxShifts.TryAdd(shift, NonNegative(line, parts[1], $"the MaxShifts limit of {shift}")))
                    {
                        throw Error(line, $"MaxShifts lists shift {shift} twice.");
                    }
                }

                var member = new CurtoisStaff(
                    id,
                    maxShifts,
                    NonNegative(line, fields[2], "MaxTotalMinutes"),
                    NonNegative(line, fields[3], "MinTotalMinutes"),
                    NonNegative(line, fields[4], "MaxConsecutiveShifts"),
                    NonNegative(line, fields[5], "MinConsecutiveShifts"),
                    NonNegative(line, fields[6], "MinConsecutiveDaysOff"),
                    NonNegative(line, fields[7], "MaxWeekends"));
                if (!staff.TryAdd(id, member))
                {
                    throw Error(line, $"employee {id} is defined twice.");
                }
            }

            if (staff.Count == 0)
            {
                throw Error(0, "SECTION_STAFF defines no employee.");
            }
        }

        private Dictionary<string, IReadOnlySet<int>> DaysOff()
        {
            var result = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
            foreach (var (line, text) in sections.GetValueOrDefault("DAYS_OFF") ?? [])
            {
                var fields = text.Split(',').Select(f => f.Trim()).Where(f => f.Length > 0).ToList();
                var employee = KnownEmployee(line, fields.FirstOrDefault() ?? "");
                var set = result.TryGetValue(employee, out var known) ? known : result[employee] = [];
                foreach (var field in fields.Skip(1))
                {
                    set.Add(Day(line, field));
                }
            }

            return result.ToDictionary(p => p.Key, p => (IReadOnlySet<int>)p.Value, StringComparer.Ordinal);
        }

        private List<CurtoisRequest> Requests(string section)
        {
            var result = new List<CurtoisRequest>();
            var seen = new HashSet<(string, int, string)>();
            foreach (var (line, text) in sections.GetValueOrDefault(section) ?? [])
            {
                var fields = Fields(line, text, 4, "EmployeeID, Day, ShiftID, Weight");
                var request = new CurtoisRequest(KnownEmployee(line, fields[0]), Day(line, fields[1]), KnownShift(line, fields[2]), NonNegative(line, fields[3], "the weight"));
                if (!seen.Add((request.EmployeeId, request.Day, request.ShiftId)))
                {
                    throw Error(line, $"SECTION_{section} repeats the request of {request.EmployeeId} for {request.ShiftId} on day {request.Day}.");
                }

                result.Add(request);
            }

            return result;
        }

        private List<CurtoisCover> Cover()
        {
            var result = new List<CurtoisCover>();
            var seen = new HashSet<(int, string)>();
            foreach (var (line, text) in Section("COVER"))
            {
                var fields = Fields(line, text, 5, "Day, ShiftID, Requirement, WeightUnder, WeightOver");
                var cover = new CurtoisCover(Day(line, fields[0]), KnownShift(line, fields[1]), NonNegative(line, fields[2], "the requirement"),
                    NonNegative(line, fields[3], "the weight for under-cover"), NonNegative(line, fields[4], "the weight for over-cover"));
                if (!seen.Add((cover.Day, cover.ShiftId)))
                {
                    throw Error(line, $"cover of shift {cover.ShiftId} on day {cover.Day} is given twice.");
                }

                result.Add(cover);
            }

            return result;
        }

        private List<(int Number, string Text)> Section(string section) =>
            sections.TryGetValue(section, out var lines) ? lines : throw Error(0, $"section SECTION_{section} is missing.");

        /// <summary>The comma fields of a line; a trailing comma is allowed, and an optional last field (a list) may be left out.</summary>
        private List<string> Fields(int line, string text, int count, string columns, bool optionalLast = false)
        {
            var fields = text.Split(',').Select(f => f.Trim()).ToList();
            if (fields.Count == count + 1 && fields[^1].Length == 0)
            {
                fields.RemoveAt(fields.Count - 1);
            }

            if (fields.Count == count - 1 && optionalLast)
            {
                fields.Add("");
            }

            return fields.Count == count ? fields : throw Error(line, $"expected {count} fields ({columns}), found {fields.Count}.");
        }

        private static List<string> List(string field) =>
            [.. field.Split('|').Select(f => f.Trim()).Where(f => f.Length > 0)];

        private string Id(int line, string field, string what) =>
            field.Length > 0 ? field : throw Error(line, $"the {what} id is empty.");

        private string KnownShift(int line, string field) =>
            shifts.ContainsKey(field) ? field : throw Error(line, $"unknown shift type '{field}'.");

        private string KnownEmployee(int line, string field) =>
            staff.ContainsKey(field) ? field : throw Error(line, $"unknown employee '{field}'.");

        private int Day(int line, string field)
        {
            var day = Whole(line, field, "the day");
            return day >= 0 && day < days ? day : throw Error(line, $"day {day} lies outside the horizon 0..{days - 1}.");
        }

        private int NonNegative(int line, string field, string what)
        {
            var value = Whole(line, field, what);
            return value >= 0 ? value : throw Error(line, $"{what} must not be negative, not {value}.");
        }

        private int Whole(int line, string field, string what) =>
            int.TryParse(field.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Error(line, $"{what} must be a whole number, not '{field.Trim()}'.");

        private CurtoisFormatException Error(int line, string reason) => new(name, line, reason);
    }
}
