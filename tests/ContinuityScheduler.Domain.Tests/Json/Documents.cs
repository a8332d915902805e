using System.Text.Json.Nodes;

namespace ContinuityScheduler.Domain.Tests.Json;

/// <summary>A small valid planning problem with every optional institution setting left out, to be varied by tests.</summary>
internal static class Documents
{
    public const string Minimal = """
        {
          "institution": { "id": "oak-house", "timeZone": "Europe/Copenhagen" },
          "horizon": { "start": "2026-11-30", "weeks": 1 },
          "shiftTypes": [
            { "code": "E", "start": "07:00", "end": "15:00", "kind": "day" },
            { "code": "N", "start": "22:00", "end": "07:00", "kind": "waking-night" }
          ],
          "groups": [ { "id": "robin" } ],
          "children": [
            { "id": "ch-1", "birthDate": "2020-03-14", "memberships": [ { "groupId": "robin", "from": "2024-01-01" } ] }
          ],
          "caregivers": [
            { "id": "cg-1", "contract": { "hoursPerWeek": 37 } },
            { "id": "cg-2", "contract": { "hoursPerWeek": 30, "employmentType": "relief" } }
          ],
          "demands": [
            { "id": "robin-E", "groupIds": [ "robin" ], "shiftType": "E" },
            { "id": "robin-N", "groupIds": [ "robin" ], "shiftType": "N" }
          ]
        }
        """;

    /// <summary>The minimal document with its institution changed.</summary>
    public static string WithInstitution(Action<JsonObject> change)
    {
        var document = JsonNode.Parse(Minimal)!.AsObject();
        change(document["institution"]!.AsObject());
        return document.ToJsonString();
    }
}
