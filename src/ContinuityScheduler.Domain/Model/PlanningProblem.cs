namespace ContinuityScheduler.Domain.Model;

/// <summary>Everything needed to make or judge a rota for one institution and one horizon.</summary>
public sealed record PlanningProblem
{
    public PlanningProblem(
        Institution institution,
        Horizon horizon,
        IEnumerable<Group> groups,
        IEnumerable<Child> children,
        IEnumerable<Caregiver> caregivers,
        IEnumerable<ShiftType> shiftTypes,
        IEnumerable<Demand> demands,
        History? history = null,
        IEnumerable<Pin>? pins = null)
    {
        Institution = Guard.NotNull(institution, nameof(institution));
        Horizon = Guard.NotNull(horizon, nameof(horizon));
        Groups = Guard.List(groups, nameof(groups));
        Children = Guard.List(children, nameof(children));
        Caregivers = Guard.List(caregivers, nameof(caregivers));
        ShiftTypes = Guard.List(shiftTypes, nameof(shiftTypes));
        Demands = Guard.List(demands, nameof(demands));
        History = history ?? History.Empty(horizon.Start);
        Pins = Guard.List(pins ?? [], nameof(pins));
        if (History.From > horizon.Start)
        {
            throw new ArgumentException("History must start on or before the horizon.", nameof(history));
        }

        GroupsById = Groups.ToDictionary(g => g.Id, StringComparer.Ordinal);
        CaregiversById = Caregivers.ToDictionary(c => c.Id, StringComparer.Ordinal);
        ShiftTypesByCode = ShiftTypes.ToDictionary(s => s.Code, StringComparer.Ordinal);
        DemandsById = Demands.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var unknownShift = Demands.FirstOrDefault(d => !ShiftTypesByCode.ContainsKey(d.ShiftType));
        if (unknownShift is not null)
        {
            throw new ArgumentException($"Demand {unknownShift.Id} names unknown shift type {unknownShift.ShiftType}.", nameof(demands));
        }
    }

    public Institution Institution { get; }

    public Horizon Horizon { get; }

    public IReadOnlyList<Group> Groups { get; }

    public IReadOnlyList<Child> Children { get; }

    public IReadOnlyList<Caregiver> Caregivers { get; }

    public IReadOnlyList<ShiftType> ShiftTypes { get; }

    public IReadOnlyList<Demand> Demands { get; }

    public History History { get; }

    public IReadOnlyList<Pin> Pins { get; }

    public IReadOnlyDictionary<string, Group> GroupsById { get; }

    public IReadOnlyDictionary<string, Caregiver> CaregiversById { get; }

    public IReadOnlyDictionary<string, ShiftType> ShiftTypesByCode { get; }

    public IReadOnlyDictionary<string, Demand> DemandsById { get; }

    public ShiftType ShiftTypeOf(Demand demand) => ShiftTypesByCode[demand.ShiftType];
}
