using ContinuityScheduler.Domain.Baseline;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;
using NodaTime;

namespace ContinuityScheduler.Cli.Samples;

/// <summary>
/// Builds a realistic planning problem from a <see cref="HomeSpec"/>: family groups paired into houses, an early
/// shift for two and a late shift for one in every group, a night post per house (a waking night for the
/// under-threes, a sleep-in for older children; older children need one early caregiver fewer at weekends), primary caregivers, night staff, relief staff, leave, wishes
/// and the week before as history. The same seed gives the same problem.
/// </summary>
public static class HomeGenerator
{
    private static readonly string[] FirstNames =
    [
        "Anna", "Bo", "Clara", "Dina", "Emil", "Freja", "Gustav", "Hanne", "Ida", "Jonas", "Karen", "Lars", "Maja", "Niels",
        "Olga", "Peter", "Rikke", "Sofie", "Tobias", "Ulla", "Vera", "William", "Yasmin", "Zara", "Agnes", "Birgit", "Carl",
        "Dorthe", "Erik", "Frida", "Grete", "Helle", "Inger", "Jens", "Kirsten", "Lone", "Mette", "Nora", "Ole", "Pia",
    ];

    private static readonly IsoDayOfWeek[] Weekdays = [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday];

    public static PlanningProblem Generate(HomeSpec spec)
    {
        var random = new Random(spec.Seed);
        var zone = DateTimeZoneProviders.Tzdb[spec.TimeZone];
        var horizon = new Horizon(spec.Start, spec.Weeks);
        var rules = LabourRules.Default;
        if (spec.ContractTolerance is { } tolerance)
        {
            rules = rules.With("contract-hours", rules["contract-hours"] with { Limit = tolerance.Hours, Weeks = tolerance.Weeks });
        }

        var institution = new Institution(spec.Id, spec.Name, zone, KeyMoments.Default, rules, ScoreWeights.Default);
        var shiftTypes = new[]
        {
            new ShiftType("E", "Early", new LocalTime(7, 0), new LocalTime(15, 0), ShiftKind.Day),
            new ShiftType("L", "Late", new LocalTime(14, 0), new LocalTime(22, 0), ShiftKind.Day),
            new ShiftType("N", "Waking night", new LocalTime(21, 45), new LocalTime(7, 15), ShiftKind.WakingNight),
            new ShiftType("S", "Sleep-in", new LocalTime(21, 0), new LocalTime(8, 0), ShiftKind.SleepIn, workingTimeFactor: 1, paidTimeFactor: 0.5),
        };

        var groupIds = spec.Groups.Select(Slug).ToList();
        var houses = Enumerable.Range(0, (groupIds.Count + 1) / 2).Select(h => groupIds.Skip(2 * h).Take(2).ToList()).ToList();
        bool IsUnderThree(string group) => groupIds.IndexOf(group) < spec.UnderThreeGroups;
        bool HouseOfUnderThrees(List<string> house) => house.Any(IsUnderThree);

        var caregivers = new List<Caregiver>();
        var primaries = new Dictionary<string, List<string>>();
        foreach (var house in houses)
        {
            foreach (var group in house)
            {
                primaries[group] = [];
                var contracts = IsUnderThree(group) ? spec.UnderThreeDayContracts : spec.OlderDayContracts;
                for (var i = 0; i < contracts.Count; i++)
                {
                    var id = $"cg-{caregivers.Count + 1:000}";
                    var skills = new List<string>();
                    if (IsUnderThree(group) && i != 4)
                    {
                        skills.Add("infant");
                    }

                    // One day caregiver per group also takes nights, so night posts never rest on night staff alone.
                    if (i == 2)
                    {
                        skills.Add("night");
                        if (HouseOfUnderThrees(house))
                        {
                            skills.Add("infant");
                        }
                    }

                    if (i < 2)
                    {
                        primaries[group].Add(id);
                    }

                    caregivers.Add(new Caregiver(id, Name(caregivers.Count), new Contract(contracts[i]), skills.Distinct(), house, externalId: $"HR-{1000 + caregivers.Count + 1}"));
                }
            }

            for (var i = 0; i < spec.NightStaffPerHouse; i++)
            {
                var id = $"cg-{caregivers.Count + 1:000}";
                var hours = HouseOfUnderThrees(house) ? 28.5 : 33;
                string[] skills = HouseOfUnderThrees(house) ? ["night", "infant"] : ["night"];
                caregivers.Add(new Caregiver(id, Name(caregivers.Count), new Contract(hours), skills, house, externalId: $"HR-{1000 + caregivers.Count + 1}"));
            }
        }

        for (var i = 0; i < spec.ReliefStaff; i++)
        {
            var id = $"cg-{caregivers.Count + 1:000}";
            var type = i % 5 == 4 ? EmploymentType.Agency : EmploymentType.Relief;
            caregivers.Add(new Caregiver(id, Name(caregivers.Count), new Contract(20, type), i % 2 == 0 ? ["infant"] : ["night"], externalId: $"HR-{1000 + caregivers.Count + 1}"));
        }

        var demands = new List<Demand>();
        foreach (var group in groupIds)
        {
            if (IsUnderThree(group))
            {
                demands.Add(new Demand($"{group}-E-infant", [group], "E", 1, ["infant"]));
                demands.Add(new Demand($"{group}-E", [group], "E", 1));
                demands.Add(new Demand($"{group}-L", [group], "L", 1, ["infant"]));
            }
            else
            {
                demands.Add(new Demand($"{group}-E", [group], "E", 1));
                demands.Add(new Demand($"{group}-E-weekday", [group], "E", 1, weekdays: Weekdays));
                demands.Add(new Demand($"{group}-L", [group], "L", 1));
            }
        }

        foreach (var house in houses)
        {
            var night = HouseOfUnderThrees(house) ? ("N", new[] { "night", "infant" }) : ("S", new[] { "night" });
            demands.Add(new Demand($"{string.Join("-", house)}-{night.Item1}", house, night.Item1, 1, night.Item2));
        }

        var children = Children(spec, groupIds, IsUnderThree, primaries, horizon, random);
        if (spec.WithLeaveAndWishes)
        {
            caregivers = AddLeaveAndWishes(caregivers, horizon, random);
        }

        var groups = groupIds.Select((id, i) => new Group(id, spec.Groups[i]));
        var problem = new PlanningProblem(institution, horizon, groups, children, caregivers, shiftTypes, demands);
        return spec.WithHistory ? WithHistory(problem, random) : problem;
    }

    private static List<Child> Children(HomeSpec spec, List<string> groupIds, Func<string, bool> isUnderThree, Dictionary<string, List<string>> primaries, Horizon horizon, Random random)
    {
        var children = new List<Child>();
        foreach (var group in groupIds)
        {
            for (var i = 0; i < spec.ChildrenPerGroup; i++)
            {
                var id = $"ch-{children.Count + 1:000}";
                var ageInDays = isUnderThree(group) ? random.Next(180, 1040) : random.Next(1100, 1900);
                var birth = horizon.Start.PlusDays(-ageInDays);
                var memberships = new List<GroupMembership> { new(group, birth.PlusDays(Math.Min(ageInDays, 120))) };
                IEnumerable<DateInterval> away = [];
                if (children.Count == 3)
                {
                    away = [new DateInterval(horizon.Start.PlusDays(2), horizon.Start.PlusDays(4))];
                }

                // The oldest under-three of the first group turns three during the horizon and moves on to the next group.
                var nextGroup = groupIds.ElementAtOrDefault(spec.UnderThreeGroups);
                if (isUnderThree(group) && i == 0 && nextGroup is not null && horizon.Weeks > 1)
                {
                    var move = horizon.Start.PlusDays(horizon.Weeks * 7 / 2);
                    birth = move.PlusYears(-3);
                    memberships = [new(group, birth.PlusDays(120), move.PlusDays(-1)), new(nextGroup, move)];
                }

                var keyPersons = isUnderThree(group) ? primaries[group] : [];
                children.Add(new Child(id, birth, memberships, keyPersons, away));
            }
        }

        return children;
    }

    /// <summary>About one caregiver in eight takes a week's leave, one in twenty a training day, one in twenty is sick for three days; a third have wishes.</summary>
    private static List<Caregiver> AddLeaveAndWishes(List<Caregiver> caregivers, Horizon horizon, Random random) =>
        [.. caregivers.Select((c, i) =>
        {
            var absences = new List<Absence>();
            var days = horizon.Weeks * 7;
            if (i % 8 == 5 && c.Contract.EmploymentType == EmploymentType.Permanent)
            {
                var start = horizon.Start.PlusWeeks(random.Next(horizon.Weeks));
                absences.Add(new Absence(AbsenceKind.Leave, new DateInterval(start, start.PlusDays(6))));
            }
            else if (i % 20 == 7)
            {
                var day = horizon.Start.PlusDays(random.Next(days));
                absences.Add(new Absence(AbsenceKind.Training, new DateInterval(day, day)));
            }
            else if (i % 20 == 13)
            {
                var day = horizon.Start.PlusDays(random.Next(days - 2));
                absences.Add(new Absence(AbsenceKind.Sickness, new DateInterval(day, day.PlusDays(2))));
            }

            var wishes = new List<Wish>();
            if (i % 3 == 0)
            {
                wishes.Add(new Wish(false, horizon.Start.PlusDays(random.Next(days)), null, weight: 2));
            }

            if (i % 6 == 1)
            {
                wishes.Add(new Wish(false, null, IsoDayOfWeek.Friday, "L"));
            }

            if (i % 9 == 4)
            {
                wishes.Add(new Wish(true, null, IsoDayOfWeek.Monday, "E"));
            }

            return new Caregiver(c.Id, c.Name, c.Contract, c.Skills, c.AllowedGroups, absences, wishes, c.ExternalId);
        })];

    /// <summary>The week before the horizon as history: a hospital-way rota of that week, and contract hours for the sixteen weeks before it.</summary>
    private static PlanningProblem WithHistory(PlanningProblem problem, Random random)
    {
        var weekBefore = problem.Horizon.Start.PlusWeeks(-1);
        var previous = new PlanningProblem(
            problem.Institution,
            new Horizon(weekBefore, 1),
            problem.Groups,
            problem.Children,
            problem.Caregivers.Select(c => new Caregiver(c.Id, c.Name, c.Contract, c.Skills, c.AllowedGroups, externalId: c.ExternalId)),
            problem.ShiftTypes,
            problem.Demands);
        var rota = HospitalWay.Generate(previous);
        var shifts = rota.Assignments.Select(a =>
        {
            var demand = problem.DemandsById[a.DemandId];
            return new HistoryShift(a.CaregiverId, a.Date, demand.ShiftType, demand.GroupIds);
        });
        var weeklyHours = problem.Caregivers
            .Where(c => !c.Contract.IsOnCall)
            .SelectMany(c => Enumerable.Range(1, 16).Select(w =>
                new WeeklyHours(c.Id, weekBefore.PlusWeeks(-w), Math.Max(0, c.Contract.HoursPerWeek + random.Next(-4, 5)))));
        return new PlanningProblem(
            problem.Institution,
            problem.Horizon,
            problem.Groups,
            problem.Children,
            problem.Caregivers,
            problem.ShiftTypes,
            problem.Demands,
            new History(weekBefore, shifts, weeklyHours),
            problem.Pins);
    }

    private static string Name(int index) => $"{FirstNames[index % FirstNames.Length]} {(char)('A' + (index / FirstNames.Length % 26))}.";

    private static string Slug(string name) => name.ToLowerInvariant().Replace(' ', '-');
}
