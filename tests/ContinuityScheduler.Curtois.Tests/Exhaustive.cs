namespace ContinuityScheduler.Curtois.Tests;

/// <summary>
/// The best valid roster's objective by trying every roster under the checker, null when none is valid: a reference
/// for tiny instances. Every hard rule concerns one employee, so each employee's valid rows are found first and
/// only their combinations are scored.
/// </summary>
internal static class Exhaustive
{
    public static int? Best(CurtoisInstance instance)
    {
        var rows = Enumerable.Range(0, instance.Staff.Count).Select(e => ValidRows(instance, e)).ToList();
        int? best = null;
        var roster = new CurtoisRoster(instance.Staff.Count, instance.Days);
        Search(0);
        return best;

        void Search(int employee)
        {
            if (employee == instance.Staff.Count)
            {
                var verdict = CurtoisChecker.Check(instance, roster);
                verdict.IsValid.Should().BeTrue();
                best = Math.Min(best ?? int.MaxValue, verdict.Objective);
                return;
            }

            foreach (var row in rows[employee])
            {
                for (var d = 0; d < instance.Days; d++)
                {
                    roster[employee, d] = row[d];
                }

                Search(employee + 1);
            }
        }
    }

    private static List<string?[]> ValidRows(CurtoisInstance instance, int employee)
    {
        var choices = instance.Shifts.Count + 1;
        var count = (long)Math.Pow(choices, instance.Days);
        count.Should().BeLessThan(100_000, "exhaustive search is for tiny instances");
        var valid = new List<string?[]>();
        for (long code = 0; code < count; code++)
        {
            var roster = new CurtoisRoster(instance.Staff.Count, instance.Days);
            var row = new string?[instance.Days];
            var rest = code;
            for (var d = 0; d < instance.Days; d++)
            {
                var choice = (int)(rest % choices);
                rest /= choices;
                row[d] = roster[employee, d] = choice == 0 ? null : instance.Shifts[choice - 1].Id;
            }

            if (CurtoisChecker.Check(instance, roster).Violations.All(v => v.EmployeeId != instance.Staff[employee].Id))
            {
                valid.Add(row);
            }
        }

        return valid;
    }
}
