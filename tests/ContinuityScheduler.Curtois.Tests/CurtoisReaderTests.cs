namespace ContinuityScheduler.Curtois.Tests;

public sealed class CurtoisReaderTests
{
    [Fact]
    public void Reads_the_horizon_and_shift_types_with_their_successions()
    {
        var instance = SmallInstance.Instance;

        instance.Name.Should().Be("small");
        instance.Days.Should().Be(7);
        instance.Weeks.Should().Be(1);
        instance.Shifts.Should().BeEquivalentTo(
            [new CurtoisShift("E", 480, []), new CurtoisShift("L", 600, ["E"])],
            o => o.WithStrictOrdering());
    }

    [Fact]
    public void Reads_the_staff_with_limits_per_shift_type()
    {
        var staff = SmallInstance.Instance.Staff;

        staff.Select(s => s.Id).Should().Equal("A", "B");
        staff[0].Should().BeEquivalentTo(new CurtoisStaff("A", new Dictionary<string, int> { ["E"] = 7, ["L"] = 2 }, 2160, 1440, 3, 2, 2, 1));
        staff[1].MaxShiftsOf("L", 7).Should().Be(0);
    }

    [Fact]
    public void Reads_days_off_requests_and_cover()
    {
        var instance = SmallInstance.Instance;

        instance.IsDayOff("B", 4).Should().BeTrue();
        instance.IsDayOff("A", 4).Should().BeFalse();
        instance.OnRequests.Should().Equal(new CurtoisRequest("A", 0, "E", 2), new CurtoisRequest("B", 3, "E", 3));
        instance.OffRequests.Should().Equal(new CurtoisRequest("A", 1, "L", 1), new CurtoisRequest("B", 0, "E", 2));
        instance.Cover.Should().HaveCount(14);
        instance.Cover[0].Should().Be(new CurtoisCover(0, "E", 1, 100, 3));
        instance.Cover[3].Should().Be(new CurtoisCover(1, "L", 1, 50, 1));
    }

    [Fact]
    public void A_shift_with_no_successor_field_and_a_staff_member_without_days_listed_are_accepted()
    {
        var text = SmallInstance.Text.Replace("E,480,\n", "E,480\n", StringComparison.Ordinal).Replace("B,4\n", "B,4\nA\n", StringComparison.Ordinal);

        var instance = CurtoisReader.Read(text, "variant");

        instance.Shifts[0].NotFollowedBy.Should().BeEmpty();
        instance.DaysOff["A"].Should().BeEmpty();
    }

    [Fact]
    public void Shift_and_employee_ids_live_in_separate_namespaces()
    {
        var text = SmallInstance.Text.Replace("B,E=7|L=0", "E,E=7|L=0", StringComparison.Ordinal).Replace("B,", "E,", StringComparison.Ordinal);

        var instance = CurtoisReader.Read(text, "same-ids");

        instance.Staff[1].Id.Should().Be("E");
        instance.IsDayOff("E", 4).Should().BeTrue();
        instance.OnRequests[1].Should().Be(new CurtoisRequest("E", 3, "E", 3));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Reads_every_shared_instance_with_one_cover_line_per_day_and_shift(int number, int days, int staff, int shifts)
    {
        var instance = CurtoisReader.ReadFile(CurtoisFiles.Instance(Testing.RepositoryRoot.Path, number));

        (instance.Days, instance.Staff.Count, instance.Shifts.Count).Should().Be((days, staff, shifts));
        instance.Cover.Should().HaveCount(days * shifts);
        instance.Staff.Should().OnlyContain(s => s.MaxShifts.Count == shifts);
    }

    public static TheoryData<int, int, int, int> Sizes()
    {
        // From best-known.csv: days, staff and shift types of each instance.
        var data = new TheoryData<int, int, int, int>();
        var folder = CurtoisFiles.Folder(Testing.RepositoryRoot.Path);
        foreach (var fields in File.ReadLines(Path.Combine(folder, "best-known.csv")).Skip(1).Select(l => l.Split(',')))
        {
            data.Add(int.Parse(fields[0]["Instance".Length..]), int.Parse(fields[1]), int.Parse(fields[2]), int.Parse(fields[3]));
        }

        return data;
    }

    [Fact]
    public void Instance1_is_read_in_full()
    {
        var instance = CurtoisReader.ReadFile(CurtoisFiles.Instance(Testing.RepositoryRoot.Path, 1));

        instance.Name.Should().Be("Instance1");
        instance.Shifts.Should().ContainSingle().Which.Should().BeEquivalentTo(new CurtoisShift("D", 480, []));
        instance.Staff.Should().OnlyContain(s => s.MaxTotalMinutes == 4320 && s.MinTotalMinutes == 3360 && s.MaxConsecutiveShifts == 5
            && s.MinConsecutiveShifts == 2 && s.MinConsecutiveDaysOff == 2 && s.MaxWeekends == 1 && s.MaxShiftsOf("D", 14) == 14);
        instance.DaysOff.Values.Sum(d => d.Count).Should().Be(8);
        instance.OnRequests.Should().HaveCount(21);
        instance.OffRequests.Should().HaveCount(5).And.Contain(new CurtoisRequest("F", 8, "D", 3));
        instance.Cover[1].Should().Be(new CurtoisCover(1, "D", 7, 100, 1));
    }

    [Theory]
    [InlineData("SECTION_HORIZON\n7\n\nSECTION_NIGHTS\n", 4, "unknown section 'SECTION_NIGHTS'")]
    [InlineData("7\n", 1, "data before the first SECTION_ line")]
    [InlineData("SECTION_HORIZON\n10\n", 2, "positive multiple of 7")]
    [InlineData("SECTION_HORIZON\nseven\n", 2, "the number of days must be a whole number, not 'seven'")]
    [InlineData("SECTION_HORIZON\n7\n\nSECTION_HORIZON\n7\n", 4, "appears twice")]
    public void Bad_structure_is_reported_with_its_line(string text, int line, string reason)
    {
        var act = () => CurtoisReader.Read(text, "bad");

        act.Should().Throw<CurtoisFormatException>().Which.Should().Match<CurtoisFormatException>(e => e.Line == line && e.Reason.Contains(reason));
    }

    [Theory]
    [InlineData("E,480,", "E,4h,", 8, "the shift length in minutes must be a whole number, not '4h'")]
    [InlineData("E,480,", "E,0,", 8, "positive number of minutes")]
    [InlineData("L,600,E", "L,600,N", 9, "may not be followed by 'N', which is not a shift type")]
    [InlineData("L,600,E", "E,600,E", 9, "shift E is defined twice")]
    [InlineData("A,E=7|L=2,2160,1440,3,2,2,1", "A,E=7|L=2,2160,1440,3,2,2", 13, "expected 8 fields")]
    [InlineData("A,E=7|L=2,2160,1440,3,2,2,1", "A,E=7|N=2,2160,1440,3,2,2,1", 13, "unknown shift type 'N'")]
    [InlineData("A,E=7|L=2,2160,1440,3,2,2,1", "A,E7|L=2,2160,1440,3,2,2,1", 13, "MaxShifts entry 'E7' is not ShiftID=limit")]
    [InlineData("A,E=7|L=2,2160,1440,3,2,2,1", "A,E=7|L=2,2160,1440,-3,2,2,1", 13, "MaxConsecutiveShifts must not be negative")]
    [InlineData("B,E=7|L=0,1920,960,5,1,1,0", "A,E=7|L=0,1920,960,5,1,1,0", 14, "employee A is defined twice")]
    [InlineData("B,4", "B,7", 18, "day 7 lies outside the horizon 0..6")]
    [InlineData("B,4", "C,4", 18, "unknown employee 'C'")]
    [InlineData("A,0,E,2", "A,0,N,2", 22, "unknown shift type 'N'")]
    [InlineData("B,3,E,3", "B,3,E,3,1", 23, "expected 4 fields")]
    [InlineData("B,0,E,2", "B,0,E,two", 28, "the weight must be a whole number")]
    [InlineData("0,L,0,100,1", "0,E,0,100,1", 33, "cover of shift E on day 0 is given twice")]
    [InlineData("6,L,0,100,1", "6,L,0,100", 45, "expected 5 fields")]
    public void Bad_fields_are_reported_with_their_line(string good, string bad, int line, string reason)
    {
        SmallInstance.Text.Split(good).Should().HaveCount(2, "the line to spoil must be unique");
        var text = SmallInstance.Text.Replace(good, bad, StringComparison.Ordinal);

        var act = () => CurtoisReader.Read(text, "small");

        act.Should().Throw<CurtoisFormatException>()
            .WithMessage($"small line {line}: *")
            .Which.Should().Match<CurtoisFormatException>(e => e.Line == line && e.Reason.Contains(reason));
    }

    [Fact]
    public void A_missing_section_is_named()
    {
        var text = SmallInstance.Text[..SmallInstance.Text.IndexOf("SECTION_COVER", StringComparison.Ordinal)];

        var act = () => CurtoisReader.Read(text, "small");

        act.Should().Throw<CurtoisFormatException>().WithMessage("small: section SECTION_COVER is missing.");
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var act = () => CurtoisReader.ReadFile("/nonexistent/Instance99.txt");

        act.Should().Throw<FileNotFoundException>().WithMessage("*/nonexistent/Instance99.txt*");
    }
}
