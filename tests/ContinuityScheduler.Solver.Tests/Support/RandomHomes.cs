using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using ContinuityScheduler.Solver.Model;
using NodaTime;

namespace ContinuityScheduler.Solver.Tests.Support;

/// <summary>
/// Small random homes for property tests: one or two groups, two to four caregivers of mixed contracts, skills and
/// groups, day shifts, long days, waking nights and sleep-ins (a night post covering every group), absences, a week of
/// history with reported hours, pins, and rule settings drawn from wide ranges, some rules soft or off; a plain week,
/// the spring week whose Sunday loses an hour, or the autumn week whose Sunday gains one.
/// </summary>
internal static class RandomHomes
{
    private static readonly LocalDate[] Mondays = [new(2026, 11, 30), new(2027, 3, 22), new(2026, 10, 19)];

    private static readonly ShiftType[] Types =
    [
        new("E", "Early", new LocalTime(7, 0), new LocalTime(15, 0), ShiftKind.Day),
        new("L", "Late", new LocalTime(14, 0), new LocalTime(22, 0), ShiftKind.Day),
        new("D", "Long day", new LocalTime(7, 0), new LocalTime(19, 30), ShiftKind.Day),
        new("N", "Waking night", new LocalTime(21, 45), new LocalTime(7, 15), ShiftKind.WakingNight),
        new("S", "Sleep-in", new LocalTime(21, 0), new LocalTime(8, 0), ShiftKind.SleepIn, 0.5, 0.5),
    ];

    public static PlanningProblem Build(HomeShape shape)
    {
        var random = new Random(shape.Seed);
        var monday = Mondays[shape.Calendar];
        var horizon = new Horizon(monday, shape.Weeks);
        var groups = Enumerable.Range(1, shape.Groups).Select(g => new Group($"g{g}", $"Group {g}", 2)).ToList();
        var types = Types.Where(t => t.Code is "E" or "L" || random.Next(2) == 0).ToList();
        var night = types.FirstOrDefault(t => t.IsNight);
        var demands = new List<Demand>();
        foreach (var group in groups)
        {
            foreach (var type in types.Where(t => !t.IsNight))
            {
                IsoDayOfWeek[]? weekdays = random.Next(3) == 0 ? [IsoDayOfWeek.Monday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Saturday] : null;
                demands.Add(new Demand($"{group.Id}-{type.Code}", [group.Id], type.Code, random.Next(4) == 0 ? 2 : 1, random.Next(3) == 0 ? ["infant"] : null, weekdays));
            }
        }

        if (night is not null)
        {
            demands.Add(new Demand($"night-{night.Code}", groups.Select(g => g.Id), night.Code, 1, random.Next(2) == 0 ? ["night"] : null));
        }

        var caregivers = Enumerable.Range(1, shape.Caregivers).Select(i => Caregiver(random, i, horizon, groups)).ToList();
        var history = History(random, monday, caregivers, types, groups);
        var pins = Pins(random, horizon, caregivers, demands);
        var rules = Rules(random, shape.Rules);
        var institution = new Institution("random", "Random home", DateTimeZoneProviders.Tzdb["Europe/Copenhagen"], KeyMoments.Default, rules, ScoreWeights.Default);
        var children = groups.SelectMany((g, i) => new[]
        {
            new Child($"{g.Id}-baby", monday.PlusYears(-1), [new GroupMembership(g.Id, monday.PlusYears(-1))], caregivers.Take(1 + (i % 2)).Select(c => c.Id)),
            new Child($"{g.Id}-older", monday.PlusYears(-6), [new GroupMembership(g.Id, monday.PlusYears(-6))]),
        });
        return new PlanningProblem(institution, horizon, groups, children, caregivers, types, demands, history, pins);
    }

    /// <summary>
    /// A random rota of the model's assignment columns, each worked with a chance that grows with the shape's density;
    /// within one-shift-per-day when that rule is hard, as every rota the model allows is (the rules counting days count
    /// a caregiver's shifts of a date as that date under it).
    /// </summary>
    public static Rota RandomRota(RotaModel model, HomeShape shape)
    {
        var random = new Random(shape.Seed ^ 0x5bd1e995);
        var chance = shape.Density * 0.08;
        var perDay = model.Problem.Institution.LabourRules["one-shift-per-day"] is { IsHard: true } onePerDay ? (int)onePerDay.Limit : int.MaxValue;
        var chosen = model.Assignments.Keys.Where(_ => random.NextDouble() < chance)
            .GroupBy(k => (k.CaregiverId, k.Date))
            .SelectMany(day => day.Take(perDay));
        return new Rota(chosen.OrderBy(k => k.Date).ThenBy(k => k.CaregiverId, StringComparer.Ordinal).Select(k => new Assignment(k.CaregiverId, k.Date, k.DemandId)), "random");
    }

    private static Caregiver Caregiver(Random random, int index, Horizon horizon, List<Group> groups)
    {
        var employment = random.Next(4) == 0 ? (random.Next(2) == 0 ? EmploymentType.Relief : EmploymentType.Agency) : EmploymentType.Permanent;
        var hours = new[] { 8, 16, 24, 30, 37, 40 }[random.Next(6)];
        var skills = new[] { "infant", "night" }.Where(_ => random.Next(2) == 0);
        var allowed = groups.Count > 1 && random.Next(3) == 0 ? [groups[random.Next(groups.Count)].Id] : Array.Empty<string>();
        var absences = new List<Absence>();
        if (random.Next(3) == 0)
        {
            var first = horizon.Start.PlusDays(random.Next(horizon.Weeks * 7));
            absences.Add(new Absence(AbsenceKind.Leave, new DateInterval(first, first.PlusDays(random.Next(3)))));
        }

        return new Caregiver($"c{index}", $"Carer {index}", new Contract(hours, employment), skills, allowed, absences);
    }

    private static History History(Random random, LocalDate monday, List<Caregiver> caregivers, List<ShiftType> types, List<Group> groups)
    {
        var from = monday.PlusDays(-7);
        var shifts = new List<HistoryShift>();
        foreach (var caregiver in caregivers)
        {
            for (var date = from; date < monday; date = date.PlusDays(1))
            {
                if (random.Next(5) < 2)
                {
                    shifts.Add(new HistoryShift(caregiver.Id, date, types[random.Next(types.Count)].Code, [groups[random.Next(groups.Count)].Id]));
                }
            }
        }

        var reported = caregivers.Where(_ => random.Next(2) == 0)
            .SelectMany(c => Enumerable.Range(2, 3).Select(w => new WeeklyHours(c.Id, monday.PlusWeeks(-w), random.Next(0, 61))));
        return new History(from, shifts, reported);
    }

    private static List<Pin> Pins(Random random, Horizon horizon, List<Caregiver> caregivers, List<Demand> demands)
    {
        var pins = new List<Pin>();
        if (random.Next(4) == 0)
        {
            var demand = demands[random.Next(demands.Count)];
            pins.Add(new Pin(PinKind.Require, caregivers[random.Next(caregivers.Count)].Id, horizon.Start.PlusDays(random.Next(7)), demand.Id));
        }

        if (random.Next(4) == 0)
        {
            pins.Add(new Pin(PinKind.Forbid, caregivers[random.Next(caregivers.Count)].Id, horizon.Start.PlusDays(random.Next(7))));
        }

        return pins;
    }

    /// <summary>The default rules, each with a chance (growing with <paramref name="stray"/>) of another limit and period, of being soft, or off.</summary>
    private static LabourRules Rules(Random random, int stray)
    {
        var rules = LabourRules.Default;
        var derogation = random.Next(4) == 0;
        foreach (var definition in RuleSet.Definitions)
        {
            if (random.Next(4) >= stray)
            {
                continue;
            }

            var settings = definition.Defaults;
            settings = random.Next(10) switch
            {
                0 => settings with { Enabled = false },
                1 => settings with { Severity = Severity.Soft },
                _ => Varied(random, definition.Code, settings),
            };
            rules = rules.With(definition.Code, settings);
        }

        return derogation ? rules.WithDerogation(true, 12 + random.Next(24)) : rules;
    }

    private static RuleSettings Varied(Random random, string code, RuleSettings settings)
    {
        T Pick<T>(params T[] values) => values[random.Next(values.Length)];
        return code switch
        {
            "one-shift-per-day" => settings with { Limit = Pick(1, 2) },
            "no-overlap" => settings with { Limit = Pick(0, 1) },
            "min-rest" => settings with { Limit = Pick(8, 11, 12.5) },
            "weekly-rest" => settings with { Limit = Pick(24, 30, 35, 40, 48, 60) },
            "max-weekly-hours" => settings with { Limit = Pick(24, 32, 40, 48) },
            "average-weekly-hours" => settings with { Limit = Pick(20, 30, 48), Weeks = Pick(1, 2, 4, 17) },
            "max-consecutive-days" => settings with { Limit = Pick(2, 3, 4, 5.5) },
            "max-consecutive-nights" => settings with { Limit = Pick(1, 2, 3) },
            "max-nights" => settings with { Limit = Pick(1, 3, 6), Weeks = Pick(1, 2, 4) },
            "contract-hours" => settings with { Limit = Pick(2, 8, 16), Weeks = Pick(1, 4) },
            "free-weekends" => settings with { Limit = Pick(0, 1, 2), Weeks = Pick(1, 2, 4) },
            "max-shift-length" => settings with { Limit = Pick(8, 10, 12.5) },
            "relief-share" => settings with { Limit = Pick(0, 0.5, 1) },
            _ => settings,
        };
    }
}
