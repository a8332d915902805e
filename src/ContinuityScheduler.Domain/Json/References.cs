namespace ContinuityScheduler.Domain.Json;

/// <summary>The ids a document defines, and the errors of references to ids it does not define.</summary>
internal sealed class References(IEnumerable<string> groups, IEnumerable<string> caregivers, IEnumerable<string> shiftTypes, IEnumerable<string> demands)
{
    private readonly HashSet<string> groups = [.. groups];
    private readonly HashSet<string> caregivers = [.. caregivers];
    private readonly HashSet<string> shiftTypes = [.. shiftTypes];
    private readonly HashSet<string> demands = [.. demands];

    public List<LoadError> Errors { get; } = [];

    public void Group(JsonField node, string field, string id) => Check(groups, $"{node.Path}.{field}", id, "group");

    public void Groups(JsonField node, string field, IEnumerable<string> ids) => Groups(node.Path, field, ids);

    public void Groups(string path, string field, IEnumerable<string> ids) => CheckAll(groups, path, field, ids, "group");

    public void Caregivers(JsonField node, string field, IEnumerable<string> ids) => CheckAll(caregivers, node.Path, field, ids, "caregiver");

    public void Caregiver(string path, string field, string id) => Check(caregivers, $"{path}.{field}", id, "caregiver");

    public void ShiftType(JsonField node, string field, string? code) => ShiftType(node.Path, field, code);

    public void ShiftType(string path, string field, string? code) => Check(shiftTypes, $"{path}.{field}", code, "shift type");

    public void Demand(string path, string field, string? id) => Check(demands, $"{path}.{field}", id, "demand");

    private void CheckAll(HashSet<string> known, string path, string field, IEnumerable<string> ids, string what)
    {
        foreach (var (id, index) in ids.Select((id, i) => (id, i)))
        {
            Check(known, $"{path}.{field}[{index}]", id, what);
        }
    }

    private void Check(HashSet<string> known, string path, string? id, string what)
    {
        if (id is not null && !known.Contains(id))
        {
            Errors.Add(new LoadError(path, $"Unknown {what} '{id}'."));
        }
    }
}
