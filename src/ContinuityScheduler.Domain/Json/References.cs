using System.Text.Json;

namespace ContinuityScheduler.Domain.Json;

/// <summary>
/// Checks every reference in a problem document against the ids it declares, on the raw JSON, so a reference is
/// checked even where the item around it has other faults, and an item that failed to load still counts as declared.
/// </summary>
internal static class References
{
    private enum Kind
    {
        Group,
        Caregiver,
        ShiftType,
        Demand,
    }

    public static void Check(JsonField root)
    {
        var declared = new Dictionary<Kind, HashSet<string>>
        {
            [Kind.Group] = Declared(root, "groups", "id"),
            [Kind.Caregiver] = Declared(root, "caregivers", "id"),
            [Kind.ShiftType] = Declared(root, "shiftTypes", "code"),
            [Kind.Demand] = Declared(root, "demands", "id"),
        };

        void Refer(JsonField node, string field, Kind kind)
        {
            if (!node.Element.TryGetProperty(field, out var value))
            {
                return;
            }

            var path = JsonField.PathOf(node.Path, field);
            var items = value.ValueKind == JsonValueKind.Array
                ? value.EnumerateArray().Select((item, i) => (item, $"{path}[{i}]"))
                : [(value, path)];
            foreach (var (item, at) in items)
            {
                if (item.ValueKind == JsonValueKind.String && JsonField.TryGetString(item) is { } id && !declared[kind].Contains(id))
                {
                    root.Errors.Add(new LoadError(at, $"Unknown {Words(kind)} '{id}'."));
                }
            }
        }

        foreach (var group in Objects(root, "groups"))
        {
            Refer(group, "coreTeam", Kind.Caregiver);
        }

        foreach (var child in Objects(root, "children"))
        {
            foreach (var membership in Objects(child, "memberships"))
            {
                Refer(membership, "groupId", Kind.Group);
            }

            Refer(child, "keyPersons", Kind.Caregiver);
        }

        foreach (var caregiver in Objects(root, "caregivers"))
        {
            Refer(caregiver, "allowedGroups", Kind.Group);
            foreach (var wish in Objects(caregiver, "wishes"))
            {
                Refer(wish, "shiftType", Kind.ShiftType);
            }
        }

        foreach (var demand in Objects(root, "demands"))
        {
            Refer(demand, "groupIds", Kind.Group);
            Refer(demand, "shiftType", Kind.ShiftType);
        }

        if (root.Element.ValueKind == JsonValueKind.Object && root.Element.TryGetProperty("history", out var history) && history.ValueKind == JsonValueKind.Object)
        {
            var node = new JsonField(history, JsonField.PathOf(root.Path, "history"), root.Errors);
            foreach (var shift in Objects(node, "shifts"))
            {
                Refer(shift, "caregiverId", Kind.Caregiver);
                Refer(shift, "shiftType", Kind.ShiftType);
                Refer(shift, "groupIds", Kind.Group);
            }

            foreach (var week in Objects(node, "weeklyHours"))
            {
                Refer(week, "caregiverId", Kind.Caregiver);
            }
        }

        foreach (var pin in Objects(root, "pins"))
        {
            Refer(pin, "caregiverId", Kind.Caregiver);
            Refer(pin, "demandId", Kind.Demand);
        }
    }

    /// <summary>The ids an array of items declares, including items that are faulty in other ways.</summary>
    public static HashSet<string> Declared(JsonField root, string name, string idField) =>
        [.. Objects(root, name)
            .Select(item => item.Element.TryGetProperty(idField, out var id) && id.ValueKind == JsonValueKind.String ? JsonField.TryGetString(id) : null)
            .OfType<string>()];

    private static IEnumerable<JsonField> Objects(JsonField parent, string name) =>
        parent.Element.ValueKind == JsonValueKind.Object && parent.Element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray()
                .Select((item, i) => new JsonField(item, $"{JsonField.PathOf(parent.Path, name)}[{i}]", parent.Errors))
                .Where(item => item.Element.ValueKind == JsonValueKind.Object)
            : [];

    private static string Words(Kind kind) => kind switch
    {
        Kind.ShiftType => "shift type",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
