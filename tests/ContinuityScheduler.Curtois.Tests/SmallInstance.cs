namespace ContinuityScheduler.Curtois.Tests;

/// <summary>
/// A week, shifts E (480 min) and L (600 min, never followed by E), two employees: small enough to work every
/// penalty out by hand. A: at most 2 L, 1440–2160 min, runs 2–3, ≥ 2 days off in a row, 1 weekend.
/// B: no L, 960–1920 min, runs ≤ 5, no weekend, day 4 off.
/// </summary>
internal static class SmallInstance
{
    public const string Text = """
        # A hand-made week
        SECTION_HORIZON
        # days
        7

        SECTION_SHIFTS
        # ShiftID, Length in mins, Shifts which cannot follow this shift | separated
        E,480,
        L,600,E

        SECTION_STAFF
        # ID, MaxShifts, MaxTotalMinutes, MinTotalMinutes, MaxConsecutiveShifts, MinConsecutiveShifts, MinConsecutiveDaysOff, MaxWeekends
        A,E=7|L=2,2160,1440,3,2,2,1
        B,E=7|L=0,1920,960,5,1,1,0

        SECTION_DAYS_OFF
        # EmployeeID, DayIndexes (start at zero)
        B,4

        SECTION_SHIFT_ON_REQUESTS
        # EmployeeID, Day, ShiftID, Weight
        A,0,E,2
        B,3,E,3

        SECTION_SHIFT_OFF_REQUESTS
        # EmployeeID, Day, ShiftID, Weight
        A,1,L,1
        B,0,E,2

        SECTION_COVER
        # Day, ShiftID, Requirement, Weight for under, Weight for over
        0,E,1,100,3
        0,L,0,100,1
        1,E,2,100,1
        1,L,1,50,1
        2,E,1,100,1
        2,L,0,100,1
        3,E,1,100,1
        3,L,0,100,1
        4,E,0,100,1
        4,L,1,100,1
        5,E,0,100,1
        5,L,1,100,1
        6,E,0,100,1
        6,L,0,100,1
        """;

    /// <summary>Valid; penalties: B's off-request on day 0 (2), one over on day 0 E (3), one under on day 1 L (50) = 55.</summary>
    public static readonly string[] Valid =
    [
        "E E . . L L .",
        "E E E E . . .",
    ];

    public static CurtoisInstance Instance => CurtoisReader.Read(Text, "small");

    public static CurtoisVerdict Check(params string[] rows) => CurtoisChecker.Check(Instance, CurtoisRoster.Parse(rows));
}
