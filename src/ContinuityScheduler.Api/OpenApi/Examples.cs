using System.Text.Json.Nodes;
using ContinuityScheduler.Api.Contracts;

namespace ContinuityScheduler.Api.OpenApi;

/// <summary>Example bodies for the OpenAPI document, taken from the complete example of docs/formats.md.</summary>
public static class Examples
{
    public static readonly InstitutionBody Institution = new(
        "example-home",
        "Example Home",
        "Europe/Copenhagen",
        new KeyMomentsBody("07:00", "19:30"),
        new LabourRulesBody(false, 24, new() { ["contract-hours"] = new RuleSettingsBody(null, null, 8, 1) }),
        new ScoreWeightsBody(0.35, 0.25, 0.2, 0.2, 4));

    public static readonly ShiftTypeBody ShiftType = new("E", "Early", "07:00", "15:00", null, "day", 1, 1);

    public static readonly GroupBody Group = new("robin", "Robin", 4, []);

    public static readonly ChildBody Child = new("ch-001", "2025-02-14", [new MembershipBody("robin", "2025-06-01", null)], ["anna"], [new DateRangeBody("2026-12-03", "2026-12-04")]);

    public static readonly CaregiverBody Caregiver = new("anna", "HR-1001", "Anna A.", new ContractBody(32, "permanent"), ["infant"], ["robin"]);

    public static readonly AbsenceBody Absence = new("anna-leave-1", "anna", "leave", "2026-12-02", "2026-12-04");

    public static readonly WishBody Wish = new("anna-wish-1", "anna", false, null, "sunday", null, 2);

    public static readonly DemandBody Demand = new("robin-E", ["robin"], "E", 1, ["infant"], null, null);

    public static readonly PlanningProblemBody PlanningProblem = new(
        Institution,
        new HorizonBody("2026-11-30", 1),
        [ShiftType],
        [Group],
        [Child],
        [new ProblemCaregiverBody("anna", "HR-1001", "Anna A.", new ContractBody(32, "permanent"), ["infant"], ["robin"], [new NestedAbsenceBody("training", "2026-12-02", "2026-12-02")], [new NestedWishBody(false, Weekday: "sunday", Weight: 2)])],
        [Demand],
        new HistoryBody("2026-11-23", [new HistoryShiftBody("anna", "2026-11-29", "E", ["robin"])]));

    public static readonly AdviceRequest Advice = new(
        new HorizonBody("2026-11-30", 4),
        [
            JsonNode.Parse("""{ "id": "infant-30", "contract": { "hoursPerWeek": 30 }, "skills": [ "infant" ], "allowedGroups": [ "robin" ], "maxCount": 2 }""")!.AsObject(),
            JsonNode.Parse("""{ "like": "anna", "price": 1.4 }""")!.AsObject(),
        ],
        "count",
        new AdviceTargetBody(60, null, null),
        120,
        null,
        null);

    public static readonly LeaveOneOutRequest LeaveOneOut = new(Guid.Parse("3f2b8c1e-5d4a-4e7b-9c6f-1a2b3c4d5e6f"), ["anna"], 60, null, null);

    public static readonly CheckRequest Check = new(PlanningProblem, new RotaBody("manual", [new AssignmentBody("anna", "2026-11-30", "robin-E")]));
}
