using System.Text.Json;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using NodaTime;

namespace ContinuityScheduler.Domain.Json;

/// <summary>Reads a planning problem document, reporting every malformed value, unknown reference and impossible value with its path.</summary>
public static class ProblemReader
{
    public static LoadResult<PlanningProblem> Read(string json) => JsonField.ReadDocument(json, Read);

    private static PlanningProblem? Read(JsonField root)
    {
        if (!root.IsObject("institution", "horizon", "groups", "children", "caregivers", "shiftTypes", "demands", "history", "pins"))
        {
            return null;
        }

        var institution = root.Property("institution") is { } i ? ReadInstitution(i) : null;
        var horizon = root.Property("horizon") is { } h ? ReadHorizon(h) : null;
        var shiftTypes = ReadAll(root, "shiftTypes", ReadShiftType, s => s.Code, required: true);
        var groups = ReadAll(root, "groups", ReadGroup, g => g.Id, required: true);
        var caregivers = ReadAll(root, "caregivers", ReadCaregiver, c => c.Id, required: true);
        var children = ReadAll(root, "children", ReadChild, c => c.Id, required: false);
        var demands = ReadAll(root, "demands", ReadDemand, d => d.Id, required: true);
        var history = root.Property("history", required: false) is { } hist ? ReadHistory(hist, horizon) : null;
        var pins = root.Items("pins").Select(p => (p, pin: ReadPin(p))).ToList();

        References.Check(root);
        if (root.Errors.Count > 0 || institution is null || horizon is null)
        {
            return null;
        }

        return Guarded(root, () => new PlanningProblem(
            institution,
            horizon,
            groups.Select(g => g.Value),
            children.Select(c => c.Value),
            caregivers.Select(c => c.Value),
            shiftTypes.Select(s => s.Value),
            demands.Select(d => d.Value),
            history,
            pins.Select(p => p.pin!)));
    }

    /// <summary>Reads an array of items with ids, reporting the second of two equal ids.</summary>
    private static List<(JsonField Node, T Value)> ReadAll<T>(JsonField root, string name, Func<JsonField, T?> read, Func<T, string> id, bool required)
        where T : class
    {
        var items = new List<(JsonField, T)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in root.Items(name, required))
        {
            var value = read(node);
            var declared = value is null ? RawId(node) : id(value);
            if (declared is not null && !seen.Add(declared))
            {
                node.Error($"Duplicate id '{declared}'.");
                continue;
            }

            if (value is not null)
            {
                items.Add((node, value));
            }
        }

        return items;
    }

    /// <summary>The id or code of an item that failed to load, so duplicates among faulty items are still found.</summary>
    private static string? RawId(JsonField node) =>
        node.Element.ValueKind == JsonValueKind.Object
            && (node.Element.TryGetProperty("id", out var id) || node.Element.TryGetProperty("code", out id))
            && id.ValueKind == JsonValueKind.String
            ? JsonField.TryGetString(id)
            : null;

    private static Institution? ReadInstitution(JsonField node)
    {
        if (!node.IsObject("id", "name", "timeZone", "keyMoments", "labourRules", "scoreWeights"))
        {
            return null;
        }

        var id = node.Id("id");
        var name = node.String("name", required: false);
        var zoneId = node.String("timeZone");
        var zone = zoneId is null ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId);
        if (zoneId is not null && zone is null)
        {
            node.Property("timeZone")!.Value.Error($"Unknown IANA time zone '{zoneId}'.");
        }

        var keyMoments = node.Property("keyMoments", required: false) is { } k ? ReadKeyMoments(k) : KeyMoments.Default;
        var rules = node.Property("labourRules", required: false) is { } r ? ReadLabourRules(r) : LabourRules.Default;
        var weights = node.Property("scoreWeights", required: false) is { } w ? ReadScoreWeights(w) : ScoreWeights.Default;
        return id is null || zone is null || keyMoments is null || rules is null || weights is null
            ? null
            : Guarded(node, () => new Institution(id, name ?? id, zone, keyMoments, rules, weights));
    }

    private static KeyMoments? ReadKeyMoments(JsonField node)
    {
        if (!node.IsObject("wakeUp", "bedtime"))
        {
            return null;
        }

        var wakeUp = node.Time("wakeUp");
        var bedtime = node.Time("bedtime");
        if (wakeUp is null || bedtime is null)
        {
            return null;
        }

        if (bedtime <= wakeUp)
        {
            node.Property("bedtime")!.Value.Error("Bedtime must come after wake-up.");
            return null;
        }

        return new KeyMoments(wakeUp.Value, bedtime.Value);
    }

    private static LabourRules? ReadLabourRules(JsonField node)
    {
        if (!node.IsObject("residentialDerogation", "compensatoryRestHours", "rules"))
        {
            return null;
        }

        var defaults = LabourRules.Default;
        var derogation = node.Boolean("residentialDerogation", required: false) ?? defaults.ResidentialDerogation;
        var compensatory = node.Number("compensatoryRestHours", required: false, max: 168) ?? defaults.CompensatoryRestHours;
        var settings = new Dictionary<string, RuleSettings>(defaults.Settings, StringComparer.Ordinal);
        var valid = true;
        if (node.Property("rules", required: false) is { } rules && rules.IsObject([.. RuleSet.Definitions.Select(d => d.Code)]))
        {
            foreach (var definition in RuleSet.Definitions)
            {
                if (rules.Property(definition.Code, required: false) is not { } rule)
                {
                    continue;
                }

                if (!rule.IsObject("enabled", "severity", "limit", "weeks"))
                {
                    valid = false;
                    continue;
                }

                var enabled = rule.Boolean("enabled", required: false);
                var severity = rule.Enum<Severity>("severity", required: false);
                var limit = rule.Number("limit", required: false);
                var weeks = rule.Integer("weeks", required: false, min: 1, max: 52);
                settings[definition.Code] = new RuleSettings(
                    enabled ?? definition.Defaults.Enabled,
                    severity ?? definition.Defaults.Severity,
                    limit ?? definition.Defaults.Limit,
                    weeks ?? definition.Defaults.Weeks);
            }
        }

        return valid ? new LabourRules(settings, derogation, compensatory) : null;
    }

    private static ScoreWeights? ReadScoreWeights(JsonField node)
    {
        if (!node.IsObject("coreShare", "keyPersonDays", "keyMoments", "distinctPerWeek", "targetDistinctPerWeek"))
        {
            return null;
        }

        var defaults = ScoreWeights.Default;
        var core = node.Number("coreShare", required: false, max: 1) ?? defaults.CoreShare;
        var key = node.Number("keyPersonDays", required: false, max: 1) ?? defaults.KeyPersonDays;
        var moments = node.Number("keyMoments", required: false, max: 1) ?? defaults.KeyMoments;
        var distinct = node.Number("distinctPerWeek", required: false, max: 1) ?? defaults.DistinctPerWeek;
        var target = node.Number("targetDistinctPerWeek", required: false, min: 1, max: 100) ?? defaults.TargetDistinctPerWeek;
        if (Math.Abs(core + key + moments + distinct - 1) > 1e-9)
        {
            node.Error($"The four weights must add up to 1; they add up to {core + key + moments + distinct:0.###}.");
            return null;
        }

        return new ScoreWeights(core, key, moments, distinct, target);
    }

    private static Horizon? ReadHorizon(JsonField node)
    {
        if (!node.IsObject("start", "weeks"))
        {
            return null;
        }

        var start = node.Date("start");
        var weeks = node.Integer("weeks", min: 1, max: 52);
        if (start is { } date && date.DayOfWeek != IsoDayOfWeek.Monday)
        {
            node.Property("start")!.Value.Error($"A horizon starts on a Monday; {date:uuuu-MM-dd} is a {date.DayOfWeek}.");
            return null;
        }

        if (start is { } first && weeks is { } count && first > new LocalDate(9999, 1, 1).PlusWeeks(-count))
        {
            node.Error("The horizon runs past the end of the calendar.");
            return null;
        }

        return start is null || weeks is null ? null : new Horizon(start.Value, weeks.Value);
    }

    private static ShiftType? ReadShiftType(JsonField node)
    {
        if (!node.IsObject("code", "name", "start", "end", "endDayOffset", "kind", "workingTimeFactor", "paidTimeFactor"))
        {
            return null;
        }

        var code = node.Id("code");
        var name = node.String("name", required: false);
        var start = node.Time("start");
        var end = node.Time("end");
        var offset = node.Integer("endDayOffset", required: false, max: 7);
        var kind = node.Enum<ShiftKind>("kind");
        var working = node.Number("workingTimeFactor", required: false, max: 1) ?? 1;
        var paid = node.Number("paidTimeFactor", required: false, max: 1) ?? 1;
        if (code is null || start is null || end is null || kind is null)
        {
            return null;
        }

        if ((offset ?? (end > start ? 0 : 1)) == 0 && end <= start)
        {
            node.Property("end")!.Value.Error("A shift that ends on its start day must end after it starts.");
            return null;
        }

        return new ShiftType(code, name ?? code, start.Value, end.Value, kind.Value, working, paid, offset);
    }

    private static Group? ReadGroup(JsonField node)
    {
        if (!node.IsObject("id", "name", "coreTeamTarget", "coreTeam"))
        {
            return null;
        }

        var id = node.Id("id");
        var name = node.String("name", required: false);
        var target = node.Integer("coreTeamTarget", required: false, min: 1, max: 50) ?? Group.DefaultCoreTeamTarget;
        var coreTeam = node.Strings("coreTeam");
        return id is null ? null : new Group(id, name ?? id, target, coreTeam);
    }

    private static Child? ReadChild(JsonField node)
    {
        if (!node.IsObject("id", "birthDate", "memberships", "keyPersons", "daysAway"))
        {
            return null;
        }

        var id = node.Id("id");
        var birthDate = node.Date("birthDate");
        var memberships = node.Items("memberships", required: true).Select(ReadMembership).ToList();
        if (memberships.Count == 0 && node.Property("memberships", required: false) is { } empty)
        {
            empty.Error("A child belongs to at least one group.");
        }

        var keyPersons = node.Strings("keyPersons");
        if (keyPersons.Count > 2)
        {
            node.Property("keyPersons")!.Value.Error($"A child has at most two key persons; found {keyPersons.Count}.");
        }

        var daysAway = node.Items("daysAway").Select(d => d.IsObject("from", "to") ? ReadDates(d) : null).ToList();
        var overlapping = memberships.OfType<GroupMembership>().OrderBy(m => m.From).Zip(memberships.OfType<GroupMembership>().OrderBy(m => m.From).Skip(1))
            .FirstOrDefault(pair => pair.First.To is null || pair.First.To >= pair.Second.From);
        if (overlapping != default)
        {
            node.Property("memberships")!.Value.Error($"A child lives in one group at a time; the stays from {overlapping.First.From:uuuu-MM-dd} and {overlapping.Second.From:uuuu-MM-dd} overlap.");
            return null;
        }

        if (id is null || birthDate is null || memberships.Count == 0 || memberships.Any(m => m is null) || daysAway.Any(d => d is null) || keyPersons.Count > 2)
        {
            return null;
        }

        return new Child(id, birthDate.Value, memberships!, keyPersons, daysAway!);
    }

    private static GroupMembership? ReadMembership(JsonField node)
    {
        if (!node.IsObject("groupId", "from", "to"))
        {
            return null;
        }

        var group = node.String("groupId");
        var from = node.Date("from");
        var to = node.Date("to", required: false);
        if (from is not null && to < from)
        {
            node.Property("to")!.Value.Error($"Ends ({to:uuuu-MM-dd}) before it starts ({from:uuuu-MM-dd}).");
            return null;
        }

        return group is null || from is null ? null : new GroupMembership(group, from.Value, to);
    }

    /// <summary>A from–to pair of dates, both inclusive.</summary>
    private static DateInterval? ReadDates(JsonField node)
    {
        var from = node.Date("from");
        var to = node.Date("to");
        if (from is null || to is null)
        {
            return null;
        }

        if (to < from)
        {
            node.Property("to")!.Value.Error($"Ends ({to:uuuu-MM-dd}) before it starts ({from:uuuu-MM-dd}).");
            return null;
        }

        return new DateInterval(from.Value, to.Value);
    }

    private static Caregiver? ReadCaregiver(JsonField node)
    {
        if (!node.IsObject("id", "externalId", "name", "contract", "skills", "allowedGroups", "absences", "wishes"))
        {
            return null;
        }

        var id = node.Id("id");
        var externalId = node.String("externalId", required: false);
        var name = node.String("name", required: false);
        var contract = node.Property("contract") is { } c ? ReadContract(c) : null;
        var skills = node.Strings("skills");
        var allowed = node.Strings("allowedGroups");
        var absences = node.Items("absences").Select(ReadAbsence).ToList();
        var wishes = node.Items("wishes").Select(ReadWish).ToList();
        return id is null || contract is null || absences.Any(a => a is null) || wishes.Any(w => w is null)
            ? null
            : new Caregiver(id, name ?? id, contract, skills, allowed, absences!, wishes!, externalId);
    }

    internal static Contract? ReadContract(JsonField node)
    {
        if (!node.IsObject("hoursPerWeek", "employmentType"))
        {
            return null;
        }

        var hours = node.Number("hoursPerWeek", max: 168);
        var type = node.Property("employmentType", required: false) is { } t ? t.AsEnum<EmploymentType>() : EmploymentType.Permanent;
        return hours is null || type is null ? null : new Contract(hours.Value, type.Value);
    }

    private static Absence? ReadAbsence(JsonField node)
    {
        if (!node.IsObject("kind", "from", "to"))
        {
            return null;
        }

        var kind = node.Enum<AbsenceKind>("kind");
        var dates = ReadDates(node);
        return kind is null || dates is null ? null : new Absence(kind.Value, dates);
    }

    private static Wish? ReadWish(JsonField node)
    {
        if (!node.IsObject("wanted", "date", "weekday", "shiftType", "weight"))
        {
            return null;
        }

        var wanted = node.Boolean("wanted");
        var date = node.Date("date", required: false);
        var weekday = node.Enum<IsoDayOfWeek>("weekday", required: false);
        var shiftType = node.String("shiftType", required: false);
        var weight = node.Integer("weight", required: false, min: 1, max: 100) ?? 1;
        var hasDate = node.Property("date", required: false) is not null;
        var hasWeekday = node.Property("weekday", required: false) is not null;
        if (hasDate == hasWeekday)
        {
            node.Error("A wish names either a date or a weekday, not both and not neither.");
            return null;
        }

        return wanted is null || (date is null && weekday is null) ? null : new Wish(wanted.Value, date, weekday, shiftType, weight);
    }

    private static Demand? ReadDemand(JsonField node)
    {
        if (!node.IsObject("id", "groupIds", "shiftType", "count", "skills", "weekdays", "dates"))
        {
            return null;
        }

        var id = node.Id("id");
        var groups = node.Strings("groupIds", required: true);
        if (groups.Count == 0 && node.Property("groupIds", required: false) is { } empty)
        {
            empty.Error("A demand covers at least one group.");
        }

        var shiftType = node.String("shiftType");
        var count = node.Integer("count", required: false, min: 1, max: 100) ?? 1;
        var skills = node.Strings("skills");
        var weekdayNodes = node.Items("weekdays");
        var weekdays = weekdayNodes.Select(w => w.AsEnum<IsoDayOfWeek>()).ToList();
        var dateNodes = node.Items("dates");
        var dates = dateNodes.Select(d => d.AsDate()).ToList();
        if (id is null || groups.Count == 0 || shiftType is null || weekdays.Any(w => w is null) || dates.Any(d => d is null))
        {
            return null;
        }

        return new Demand(id, groups, shiftType, count, skills, weekdays.Select(w => w!.Value), dates.Select(d => d!.Value));
    }

    private static History? ReadHistory(JsonField node, Horizon? horizon)
    {
        if (!node.IsObject("from", "shifts", "weeklyHours"))
        {
            return null;
        }

        var from = node.Date("from");
        var late = from is not null && horizon is not null && from > horizon.Start;
        if (late)
        {
            node.Property("from")!.Value.Error($"History starts on or before the horizon ({horizon!.Start:uuuu-MM-dd}).");
        }

        var shifts = node.Items("shifts").Select(s => ReadHistoryShift(s, late ? null : from, horizon)).ToList();
        var weekNodes = node.Items("weeklyHours").ToList();
        var weeks = weekNodes.Select(ReadWeeklyHours).ToList();
        var seen = new HashSet<(string, LocalDate)>();
        for (var index = 0; index < weeks.Count; index++)
        {
            if (weeks[index] is { } week && !seen.Add((week.CaregiverId, week.WeekStart)))
            {
                weekNodes[index].Error($"Duplicate week {week.WeekStart:uuuu-MM-dd} for caregiver '{week.CaregiverId}'.");
                weeks[index] = null;
            }
        }

        return late || from is null || shifts.Any(s => s is null) || weeks.Any(w => w is null) ? null : new History(from.Value, shifts!, weeks!);
    }

    private static HistoryShift? ReadHistoryShift(JsonField node, LocalDate? from, Horizon? horizon)
    {
        if (!node.IsObject("caregiverId", "date", "shiftType", "groupIds"))
        {
            return null;
        }

        var caregiver = node.String("caregiverId");
        var date = node.Date("date");
        var shiftType = node.String("shiftType");
        var groups = node.Strings("groupIds");
        if (date is { } d && ((from is not null && d < from) || (horizon is not null && d >= horizon.Start)))
        {
            node.Property("date")!.Value.Error("A history shift lies between the history's start and the horizon's start.");
            return null;
        }

        return caregiver is null || date is null || shiftType is null ? null : new HistoryShift(caregiver, date.Value, shiftType, groups);
    }

    private static WeeklyHours? ReadWeeklyHours(JsonField node)
    {
        if (!node.IsObject("caregiverId", "weekStart", "hours"))
        {
            return null;
        }

        var caregiver = node.String("caregiverId");
        var weekStart = node.Date("weekStart");
        var hours = node.Number("hours", max: 168);
        if (weekStart is { } monday && monday.DayOfWeek != IsoDayOfWeek.Monday)
        {
            node.Property("weekStart")!.Value.Error($"A week starts on a Monday; {monday:uuuu-MM-dd} is a {monday.DayOfWeek}.");
            return null;
        }

        return caregiver is null || weekStart is null || hours is null ? null : new WeeklyHours(caregiver, weekStart.Value, hours.Value);
    }

    private static Pin? ReadPin(JsonField node)
    {
        if (!node.IsObject("kind", "caregiverId", "date", "demandId"))
        {
            return null;
        }

        var kind = node.Enum<PinKind>("kind");
        var caregiver = node.String("caregiverId");
        var date = node.Date("date");
        var demand = node.String("demandId", required: kind == PinKind.Require);
        return kind is null || caregiver is null || date is null || (kind == PinKind.Require && demand is null)
            ? null
            : new Pin(kind.Value, caregiver, date.Value, demand);
    }

    /// <summary>Builds a value whose constructor guards what the reader may have missed, turning a refusal into an error at the node.</summary>
    private static T? Guarded<T>(JsonField node, Func<T> create) where T : class
    {
        try
        {
            return create();
        }
        catch (ArgumentException e)
        {
            node.Error(e.Message);
            return null;
        }
    }
}
