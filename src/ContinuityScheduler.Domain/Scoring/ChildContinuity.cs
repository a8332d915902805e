using System.Text.Json.Serialization;

namespace ContinuityScheduler.Domain.Scoring;

/// <summary>How much continuity one child gets from a rota: the parts of the score and the score itself (DESIGN section 5).</summary>
public sealed record ChildContinuity(
    string ChildId,
    string GroupId,
    bool UnderThree,
    int PresentDays,
    double ContactHours,
    int DistinctCaregivers,
    double DistinctPerWeek,
    double CoreShare,
    double KeyPersonDays,
    double KeyMoments,
    double SameAdultNights,
    double Score,
    IReadOnlyList<string> CoreTeam,
    IReadOnlyList<string> KeyPersons)
{
    /// <summary>Children under three count twice in group and institution means.</summary>
    [JsonIgnore]
    public int Weight => UnderThree ? 2 : 1;
}
