using NodaTime;

namespace ContinuityScheduler.Cli.Samples;

/// <summary>The homes in samples/: each a <see cref="HomeSpec"/>, so the files can be made again with `continuity sample`.</summary>
public static class SamplePresets
{
    public static IReadOnlyDictionary<string, HomeSpec> All { get; } = new Dictionary<string, HomeSpec>(StringComparer.Ordinal)
    {
        ["small-home"] = new()
        {
            Id = "small-home",
            Name = "Small Home",
            Start = new LocalDate(2026, 11, 30),
            Weeks = 1,
            Groups = ["Robin", "Wren"],
            UnderThreeGroups = 1,
            ContractTolerance = (8, 1),
            Seed = 11,
        },
        ["baby-home"] = new()
        {
            Id = "baby-home",
            Name = "Baby Home",
            Start = new LocalDate(2026, 11, 30),
            Weeks = 4,
            Groups = ["Sunflower", "Bluebell", "Oak", "Maple", "Willow", "Birch"],
            UnderThreeGroups = 2,
            ReliefStaff = 2,
            Seed = 7,
        },
        ["regional"] = new()
        {
            Id = "regional",
            Name = "Regional Children's Homes",
            Start = new LocalDate(2026, 11, 30),
            Weeks = 4,
            Groups =
            [
                "Ash", "Beech", "Cedar", "Elm", "Fir", "Hazel", "Holly", "Juniper", "Larch", "Linden",
                "Alder", "Poplar", "Rowan", "Spruce", "Yew", "Aspen", "Cherry", "Hawthorn", "Hornbeam", "Olive",
            ],
            UnderThreeGroups = 4,
            ReliefStaff = 6,
            Seed = 20,
        },
        ["dst-week"] = new()
        {
            Id = "dst-week",
            Name = "Harbour House",
            TimeZone = "Europe/Copenhagen",
            Start = new LocalDate(2027, 3, 22),
            Weeks = 1,
            Groups = ["Puffin", "Tern"],
            UnderThreeGroups = 1,
            ContractTolerance = (8, 1),
            Seed = 3,
        },
    };
}
