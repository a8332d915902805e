using System.Text.Json;
using System.Text.Json.Nodes;
using ContinuityScheduler.Domain.Model;
using ContinuityScheduler.Domain.Rules;

namespace ContinuityScheduler.Domain.Json;

/// <summary>Writes planning problems and rotas in the document formats that <see cref="ProblemReader"/> and <see cref="RotaReader"/> read.</summary>
public static class DocumentWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(Rota rota) => new JsonObject
    {
        ["madeBy"] = rota.MadeBy,
        ["assignments"] = Array(rota.Assignments
            .OrderBy(a => a.Date)
            .ThenBy(a => a.DemandId, StringComparer.Ordinal)
            .ThenBy(a => a.CaregiverId, StringComparer.Ordinal)
            .Select(a => new JsonObject { ["caregiverId"] = a.CaregiverId, ["date"] = IsoText.Of(a.Date), ["demandId"] = a.DemandId })),
    }.ToJsonString(Indented);

    public static string Write(PlanningProblem problem)
    {
        var document = new JsonObject
        {
            ["institution"] = Institution(problem.Institution),
            ["horizon"] = new JsonObject { ["start"] = IsoText.Of(problem.Horizon.Start), ["weeks"] = problem.Horizon.Weeks },
            ["shiftTypes"] = Array(problem.ShiftTypes.Select(ShiftType)),
            ["groups"] = Array(problem.Groups.Select(Group)),
            ["children"] = Array(problem.Children.Select(Child)),
            ["caregivers"] = Array(problem.Caregivers.Select(Caregiver)),
            ["demands"] = Array(problem.Demands.Select(Demand)),
            ["history"] = History(problem.History),
        };
        if (problem.Pins.Count > 0)
        {
            document["pins"] = Array(problem.Pins.Select(p => Optional(new JsonObject
            {
                ["kind"] = JsonNames.Of(p.Kind),
                ["caregiverId"] = p.CaregiverId,
                ["date"] = IsoText.Of(p.Date),
            }, "demandId", p.DemandId)));
        }

        return document.ToJsonString(Indented);
    }

    private static JsonObject Institution(Institution institution) => new()
    {
        ["id"] = institution.Id,
        ["name"] = institution.Name,
        ["timeZone"] = institution.TimeZone.Id,
        ["keyMoments"] = new JsonObject { ["wakeUp"] = IsoText.Of(institution.KeyMoments.WakeUp), ["bedtime"] = IsoText.Of(institution.KeyMoments.Bedtime) },
        ["labourRules"] = LabourRules(institution.LabourRules),
        ["scoreWeights"] = new JsonObject
        {
            ["coreShare"] = institution.ScoreWeights.CoreShare,
            ["keyPersonDays"] = institution.ScoreWeights.KeyPersonDays,
            ["keyMoments"] = institution.ScoreWeights.KeyMoments,
            ["distinctPerWeek"] = institution.ScoreWeights.DistinctPerWeek,
            ["targetDistinctPerWeek"] = institution.ScoreWeights.TargetDistinctPerWeek,
        },
    };

    /// <summary>Only the rules whose settings differ from the defaults, so a document says what is special about the home.</summary>
    private static JsonObject LabourRules(LabourRules rules)
    {
        var changed = new JsonObject();
        foreach (var definition in RuleSet.Definitions)
        {
            var settings = rules[definition.Code];
            if (settings == definition.Defaults)
            {
                continue;
            }

            changed[definition.Code] = new JsonObject
            {
                ["enabled"] = settings.Enabled,
                ["severity"] = JsonNames.Of(settings.Severity),
                ["limit"] = settings.Limit,
                ["weeks"] = settings.Weeks,
            };
        }

        return new JsonObject
        {
            ["residentialDerogation"] = rules.ResidentialDerogation,
            ["compensatoryRestHours"] = rules.CompensatoryRestHours,
            ["rules"] = changed,
        };
    }

    private static JsonObject ShiftType(ShiftType type) => new()
    {
        ["code"] = type.Code,
        ["name"] = type.Name,
        ["start"] = IsoText.Of(type.Start),
        ["end"] = IsoText.Of(type.End),
        ["endDayOffset"] = type.EndDayOffset,
        ["kind"] = JsonNames.Of(type.Kind),
        ["workingTimeFactor"] = type.WorkingTimeFactor,
        ["paidTimeFactor"] = type.PaidTimeFactor,
    };

    private static JsonObject Group(Group group) => NonEmpty(new JsonObject
    {
        ["id"] = group.Id,
        ["name"] = group.Name,
        ["coreTeamTarget"] = group.CoreTeamTarget,
    }, "coreTeam", group.CoreTeam);

    private static JsonObject Child(Child child)
    {
        var node = new JsonObject
        {
            ["id"] = child.Id,
            ["birthDate"] = IsoText.Of(child.BirthDate),
            ["memberships"] = Array(child.Memberships.Select(m => Optional(
                new JsonObject { ["groupId"] = m.GroupId, ["from"] = IsoText.Of(m.From) }, "to", m.To is { } to ? IsoText.Of(to) : null))),
        };
        NonEmpty(node, "keyPersons", child.KeyPersons);
        if (child.DaysAway.Count > 0)
        {
            node["daysAway"] = Array(child.DaysAway.Select(d => new JsonObject { ["from"] = IsoText.Of(d.Start), ["to"] = IsoText.Of(d.End) }));
        }

        return node;
    }

    private static JsonObject Caregiver(Caregiver caregiver)
    {
        var node = Optional(new JsonObject { ["id"] = caregiver.Id }, "externalId", caregiver.ExternalId);
        node["name"] = caregiver.Name;
        node["contract"] = new JsonObject
        {
            ["hoursPerWeek"] = caregiver.Contract.HoursPerWeek,
            ["employmentType"] = JsonNames.Of(caregiver.Contract.EmploymentType),
        };
        NonEmpty(node, "skills", caregiver.Skills);
        NonEmpty(node, "allowedGroups", caregiver.AllowedGroups);
        if (caregiver.Absences.Count > 0)
        {
            node["absences"] = Array(caregiver.Absences.Select(a => new JsonObject
            {
                ["kind"] = JsonNames.Of(a.Kind),
                ["from"] = IsoText.Of(a.Dates.Start),
                ["to"] = IsoText.Of(a.Dates.End),
            }));
        }

        if (caregiver.Wishes.Count > 0)
        {
            node["wishes"] = Array(caregiver.Wishes.Select(w =>
            {
                var wish = new JsonObject { ["wanted"] = w.Wanted };
                Optional(wish, "date", w.Date is { } d ? IsoText.Of(d) : null);
                Optional(wish, "weekday", w.Weekday is { } day ? JsonNames.Of(day) : null);
                Optional(wish, "shiftType", w.ShiftType);
                wish["weight"] = w.Weight;
                return wish;
            }));
        }

        return node;
    }

    private static JsonObject Demand(Demand demand)
    {
        var node = new JsonObject
        {
            ["id"] = demand.Id,
            ["groupIds"] = Array(demand.GroupIds.Select(g => (JsonNode)g)),
            ["shiftType"] = demand.ShiftType,
            ["count"] = demand.Count,
        };
        NonEmpty(node, "skills", demand.Skills);
        NonEmpty(node, "weekdays", demand.Weekdays.Order().Select(JsonNames.Of));
        NonEmpty(node, "dates", demand.Dates.Order().Select(IsoText.Of));
        return node;
    }

    private static JsonObject History(History history) => new()
    {
        ["from"] = IsoText.Of(history.From),
        ["shifts"] = Array(history.Shifts.Select(s => new JsonObject
        {
            ["caregiverId"] = s.CaregiverId,
            ["date"] = IsoText.Of(s.Date),
            ["shiftType"] = s.ShiftType,
            ["groupIds"] = Array(s.GroupIds.Select(g => (JsonNode)g)),
        })),
        ["weeklyHours"] = Array(history.WeeklyHours.Select(w => new JsonObject
        {
            ["caregiverId"] = w.CaregiverId,
            ["weekStart"] = IsoText.Of(w.WeekStart),
            ["hours"] = w.Hours,
        })),
    };

    private static JsonArray Array(IEnumerable<JsonNode> items) => [.. items];

    private static JsonObject Optional(JsonObject node, string name, string? value)
    {
        if (value is not null)
        {
            node[name] = value;
        }

        return node;
    }

    private static JsonObject NonEmpty(JsonObject node, string name, IEnumerable<string> values)
    {
        var list = values.ToList();
        if (list.Count > 0)
        {
            node[name] = Array(list.Select(v => (JsonNode)v));
        }

        return node;
    }
}
