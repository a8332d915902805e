using NodaTime;

namespace ContinuityScheduler.Cli.Samples;

/// <summary>The shape of a generated home: its groups, staffing and horizon.</summary>
public sealed record HomeSpec
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string TimeZone { get; init; } = "Europe/Copenhagen";

    public required LocalDate Start { get; init; }

    public int Weeks { get; init; } = 4;

    /// <summary>Group names; groups are paired into houses of two that share a night post and a staff pool.</summary>
    public required IReadOnlyList<string> Groups { get; init; }

    /// <summary>How many of the first groups are groups of under-threes.</summary>
    public int UnderThreeGroups { get; init; }

    public int ChildrenPerGroup { get; init; } = 6;

    /// <summary>Weekly contract hours of each group's day caregivers, the first two its primary caregivers; under-threes need more hands.</summary>
    public IReadOnlyList<double> UnderThreeDayContracts { get; init; } = [37, 37, 30, 24, 20, 15, 12];

    /// <summary>As <see cref="UnderThreeDayContracts"/>, for groups of older children, who need one early caregiver fewer at weekends.</summary>
    public IReadOnlyList<double> OlderDayContracts { get; init; } = [37, 37, 30, 24, 20, 15];

    public int NightStaffPerHouse { get; init; } = 2;

    public int ReliefStaff { get; init; }

    /// <summary>Contract-hours tolerance in hours per week of the period; null keeps the default (8 h per 4 weeks).</summary>
    public (double Hours, int Weeks)? ContractTolerance { get; init; }

    public bool WithLeaveAndWishes { get; init; } = true;

    public bool WithHistory { get; init; } = true;

    public int Seed { get; init; } = 1;
}
