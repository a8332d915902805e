using System.Collections.Immutable;
using System.Text.Json.Nodes;
using ContinuityScheduler.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace ContinuityScheduler.Api.MasterData;

/// <summary>An institution's settings and master data as stored, ready to be changed in memory and assembled into a planning problem.</summary>
public sealed record MasterDataSet(
    string InstitutionId,
    JsonObject Settings,
    ImmutableDictionary<ResourceKind, ImmutableSortedDictionary<string, JsonObject>> Items,
    JsonObject? History)
{
    public static async Task<MasterDataSet> LoadAsync(SchedulerDb db, InstitutionRecord institution, CancellationToken cancellation)
    {
        var rows = await db.Resources.AsNoTracking().Where(r => r.InstitutionId == institution.Id).ToListAsync(cancellation);
        var items = ResourceKind.All.ToImmutableDictionary(
            kind => kind,
            kind => rows.Where(r => r.Kind == kind.Kind).ToImmutableSortedDictionary(r => r.Key, r => Parse(r.Json), StringComparer.Ordinal));
        var history = rows.FirstOrDefault(r => r.Kind == ResourceKind.HistoryKind) is { } h ? Parse(h.Json) : null;
        return new MasterDataSet(institution.Id, Parse(institution.SettingsJson), items, history);
    }

    public static MasterDataSet Empty(string institutionId, JsonObject settings) => new(
        institutionId,
        settings,
        ResourceKind.All.ToImmutableDictionary(k => k, _ => ImmutableSortedDictionary.Create<string, JsonObject>(StringComparer.Ordinal)),
        null);

    public ImmutableSortedDictionary<string, JsonObject> this[ResourceKind kind] => Items[kind];

    /// <summary>The set with one item added, replaced or (when null) removed.</summary>
    public MasterDataSet With(ResourceKind kind, string key, JsonObject? item) => this with
    {
        Items = Items.SetItem(kind, item is null ? Items[kind].Remove(key) : Items[kind].SetItem(key, item)),
    };

    /// <summary>
    /// The planning problem these items make for a horizon. Absences and wishes go into their caregivers; each part keeps its origin.
    /// </summary>
    public AssembledProblem Assemble(JsonObject horizon, JsonObject? history = null, JsonArray? pins = null)
    {
        var origins = new List<Origin> { new("$.institution", "institution"), new("$.horizon", "request", "$.horizon") };
        var document = new JsonObject
        {
            ["institution"] = Settings.DeepClone(),
            ["horizon"] = horizon.DeepClone(),
        };
        foreach (var kind in ResourceKind.TopLevel)
        {
            var array = new JsonArray();
            foreach (var (key, item) in Items[kind])
            {
                var prefix = $"$.{kind.Property}[{array.Count}]";
                origins.Add(new Origin(prefix, kind.Name(key)));
                var node = item.DeepClone().AsObject();
                if (kind == ResourceKind.Caregiver)
                {
                    node["absences"] = Nested(ResourceKind.Absence, key, prefix, origins);
                    node["wishes"] = Nested(ResourceKind.Wish, key, prefix, origins);
                }

                array.Add(node);
            }

            document[kind.Property] = array;
        }

        if (history is not null)
        {
            document["history"] = history.DeepClone();
            origins.Add(new Origin("$.history", "history"));
        }

        if (pins is not null)
        {
            document["pins"] = pins.DeepClone();
            origins.Add(new Origin("$.pins", "request", "$.pins"));
        }

        return new AssembledProblem(document, origins);
    }

    /// <summary>The absences or wishes of one caregiver as the document nests them, without their own id and caregiver.</summary>
    private JsonArray Nested(ResourceKind kind, string caregiverId, string caregiverPrefix, List<Origin> origins)
    {
        var array = new JsonArray();
        foreach (var (key, item) in Items[kind].Where(i => (string?)i.Value["caregiverId"] == caregiverId))
        {
            origins.Add(new Origin($"{caregiverPrefix}.{kind.Property}[{array.Count}]", kind.Name(key)));
            var node = item.DeepClone().AsObject();
            node.Remove(IdProperty);
            node.Remove(CaregiverProperty);
            array.Add(node);
        }

        return array;
    }

    /// <summary>The canonical form (as the domain writes it) of every stored item, taken from a document the reader accepted.</summary>
    public IEnumerable<(ResourceKind Kind, string Key, JsonObject Item)> Canonical(JsonNode written)
    {
        foreach (var kind in ResourceKind.TopLevel)
        {
            var index = 0;
            foreach (var key in Items[kind].Keys)
            {
                var prefix = $"$.{kind.Property}[{index++}]";
                var item = AssembledProblem.At(written, prefix)!.DeepClone().AsObject();
                if (kind == ResourceKind.Caregiver)
                {
                    foreach (var nested in new[] { ResourceKind.Absence, ResourceKind.Wish })
                    {
                        var position = 0;
                        foreach (var nestedKey in Items[nested].Where(i => (string?)i.Value["caregiverId"] == key).Select(i => i.Key))
                        {
                            var part = AssembledProblem.At(written, $"{prefix}.{nested.Property}[{position++}]")!.AsObject();
                            yield return (nested, nestedKey, Unnested(nestedKey, key, part));
                        }
                    }

                    item.Remove("absences");
                    item.Remove("wishes");
                }

                yield return (kind, key, item);
            }
        }
    }

    private const string IdProperty = "id";
    private const string CaregiverProperty = "caregiverId";

    /// <summary>An absence or wish as an item of its own: the document's nested object with its own id and its caregiver's.</summary>
    public static JsonObject Unnested(string id, string caregiverId, JsonObject part)
    {
        var item = new JsonObject { [IdProperty] = id, [CaregiverProperty] = caregiverId };
        foreach (var (name, value) in part)
        {
            item[name] = value?.DeepClone();
        }

        return item;
    }

    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
