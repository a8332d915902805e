using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using NodaTime;

namespace ContinuityScheduler.Domain.Tests.Support;

/// <summary>
/// Hand-built planning problems for tests. Defaults: Europe/Copenhagen, one week from Monday 2026-11-30,
/// wake-up 07:00 and bedtime 19:30, the default labour rules, and the shift types
/// E 07:00–15:00, L 14:00–22:00, D 07:00–21:30 (long day), N 22:00–07:00 (waking night),
/// S 21:00–08:00 (sleep-in, paid at half), X 07:00–07:00 three days later (live-in).
/// </summary>
internal sealed class ProblemBuilder
{
    public static readonly LocalDate Monday = new(2026, 11, 30);

    private readonly List<Group> groups = [];
    private readonly List<Child> children = [];
    private readonly List<Caregiver> caregivers = [];
    private readonly List<Demand> demands = [];
    private readonly List<Pin> pins = [];
    private readonly List<HistoryShift> historyShifts = [];
    private readonly List<WeeklyHours> weeklyHours = [];
    private LocalDate? historyFrom;
    private string zone = "Europe/Copenhagen";
    private LocalDate start = Monday;
    private int weeks = 1;
    private LabourRules rules = LabourRules.Default;
    private KeyMoments keyMoments = KeyMoments.Default;
    private ScoreWeights scoreWeights = ScoreWeights.Default;

    public static IReadOnlyList<ShiftType> StandardShiftTypes { get; } =
    [
        new("E", "Early", new LocalTime(7, 0), new LocalTime(15, 0), ShiftKind.Day),
        new("L", "Late", new LocalTime(14, 0), new LocalTime(22, 0), ShiftKind.Day),
        new("D", "Long day", new LocalTime(7, 0), new LocalTime(21, 30), ShiftKind.Day),
        new("N", "Waking night", new LocalTime(22, 0), new LocalTime(7, 0), ShiftKind.WakingNight),
        new("S", "Sleep-in", new LocalTime(21, 0), new LocalTime(8, 0), ShiftKind.SleepIn, 1, 0.5),
        new("X", "Live-in", new LocalTime(7, 0), new LocalTime(7, 0), ShiftKind.LiveIn, 1, 1, endDayOffset: 3),
    ];

    public ProblemBuilder Starting(LocalDate monday, int weekCount = 1)
    {
        start = monday;
        weeks = weekCount;
        return this;
    }

    public ProblemBuilder InZone(string zoneId)
    {
        zone = zoneId;
        return this;
    }

    public ProblemBuilder WithKeyMoments(LocalTime wakeUp, LocalTime bedtime)
    {
        keyMoments = new KeyMoments(wakeUp, bedtime);
        return this;
    }

    public ProblemBuilder WithScoreWeights(ScoreWeights weights)
    {
        scoreWeights = weights;
        return this;
    }

    /// <summary>Changes one rule's settings, e.g. <c>WithRule("min-rest", s => s with { Limit = 12 })</c>.</summary>
    public ProblemBuilder WithRule(string code, Func<RuleSettings, RuleSettings> change)
    {
        rules = rules.With(code, change(rules[code]));
        return this;
    }

    public ProblemBuilder WithResidentialDerogation(double compensatoryRestHours = 24)
    {
        rules = rules.WithDerogation(true, compensatoryRestHours);
        return this;
    }

    /// <summary>A group with one demand per standard shift type, ids "{group}-{code}" (e.g. "g1-E"), count 1, applying every day.</summary>
    public ProblemBuilder WithGroup(string id, int coreTeamTarget = 4, params string[] coreTeam)
    {
        groups.Add(new Group(id, id, coreTeamTarget, coreTeam));
        foreach (var type in StandardShiftTypes)
        {
            demands.Add(new Demand($"{id}-{type.Code}", [id], type.Code));
        }

        return this;
    }

    public ProblemBuilder WithDemand(Demand demand)
    {
        demands.Add(demand);
        return this;
    }

    public ProblemBuilder WithCaregiver(
        string id,
        double hoursPerWeek = 37,
        EmploymentType type = EmploymentType.Permanent,
        IEnumerable<string>? skills = null,
        IEnumerable<string>? allowedGroups = null,
        IEnumerable<Absence>? absences = null,
        IEnumerable<Wish>? wishes = null)
    {
        caregivers.Add(new Caregiver(id, id, new Contract(hoursPerWeek, type), skills, allowedGroups, absences, wishes));
        return this;
    }

    public ProblemBuilder WithChild(string id, LocalDate birthDate, string groupId, IEnumerable<string>? keyPersons = null, IEnumerable<DateInterval>? daysAway = null) =>
        WithChild(new Child(id, birthDate, [new GroupMembership(groupId, birthDate)], keyPersons, daysAway));

    public ProblemBuilder WithChild(Child child)
    {
        children.Add(child);
        return this;
    }

    /// <summary>History known from a date (on or before the horizon's start).</summary>
    public ProblemBuilder WithHistoryFrom(LocalDate from)
    {
        historyFrom = from;
        return this;
    }

    public ProblemBuilder WithHistoryShift(string caregiverId, LocalDate date, string shiftType, params string[] groupIds)
    {
        historyFrom ??= Week.StartOf(date);
        historyShifts.Add(new HistoryShift(caregiverId, date, shiftType, groupIds));
        return this;
    }

    public ProblemBuilder WithWeeklyHours(string caregiverId, LocalDate weekStart, double hours)
    {
        weeklyHours.Add(new WeeklyHours(caregiverId, weekStart, hours));
        return this;
    }

    public ProblemBuilder WithPin(Pin pin)
    {
        pins.Add(pin);
        return this;
    }

    public PlanningProblem Build()
    {
        var institution = new Institution("test-home", "Test Home", DateTimeZoneProviders.Tzdb[zone], keyMoments, rules, scoreWeights);
        var history = historyFrom is { } from ? new History(from, historyShifts, weeklyHours) : null;
        return new PlanningProblem(institution, new Horizon(start, weeks), groups, children, caregivers, StandardShiftTypes, demands, history, pins);
    }
}
