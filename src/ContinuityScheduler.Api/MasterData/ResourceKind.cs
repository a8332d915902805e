namespace ContinuityScheduler.Api.MasterData;

/// <summary>
/// One kind of master data: its URL collection, its array in the planning-problem document and its key property.
/// Absences and wishes live inside caregivers in the document, but an HR system keeps them as items of their own.
/// </summary>
public sealed record ResourceKind(string Kind, string Collection, string Property, string KeyProperty, bool Nested = false)
{
    public static readonly ResourceKind ShiftType = new("shift-type", "shift-types", "shiftTypes", "code");
    public static readonly ResourceKind Group = new("group", "groups", "groups", "id");
    public static readonly ResourceKind Child = new("child", "children", "children", "id");
    public static readonly ResourceKind Caregiver = new("caregiver", "caregivers", "caregivers", "id");
    public static readonly ResourceKind Demand = new("demand", "demands", "demands", "id");
    public static readonly ResourceKind Absence = new("absence", "absences", "absences", "id", Nested: true);
    public static readonly ResourceKind Wish = new("wish", "wishes", "wishes", "id", Nested: true);

    /// <summary>The imported history of shifts before the first rota the service made; one item per institution.</summary>
    public const string HistoryKind = "history";

    /// <summary>In the order of the planning-problem document.</summary>
    public static readonly IReadOnlyList<ResourceKind> All = [ShiftType, Group, Child, Caregiver, Demand, Absence, Wish];

    public static readonly IReadOnlyList<ResourceKind> TopLevel = [.. All.Where(k => !k.Nested)];

    public string Name(string key) => $"{Collection}/{key}";
}
