using System.Globalization;

namespace ContinuityScheduler.Solver.Advice;

/// <summary>The leave-one-out view in a leader's words, one wording for the CLI, the API and the page.</summary>
public static class LeaveOneOutWords
{
    /// <summary>"The rota as given: 0 person-shift(s) uncovered; continuity 71.2 (weighted mean), lowest child 58.9.".</summary>
    public static string Before(LeaveOneOutResult result) => string.Create(CultureInfo.InvariantCulture,
        $"The rota as given: {result.UncoveredBefore:0} person-shift(s) uncovered; continuity {result.ContinuityBefore.WeightedMean:0.0} (weighted mean), lowest child {result.ContinuityBefore.Min:0.0}.");

    /// <summary>"Without nina: 3 person-shifts uncovered; Birch loses most (71.2 → 58.9); children falling most: k-07 ▲ 80.1 → 61.0, …".</summary>
    public static string Line(LeaveOneOutCaregiver r)
    {
        var uncovered = r.Uncovered > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{r.Uncovered:0} person-shift(s) uncovered ({(r.UncoveredProven ? "the least any repair leaves, proven" : "fewer not ruled out in the time")})")
            : "no post uncovered";
        var broken = r.OtherHardViolations > 0 ? $", {r.OtherHardViolations} other hard violation(s)" : "";
        var group = r.GroupLosingMost is { } g ? string.Create(CultureInfo.InvariantCulture, $"{g.Name} loses most ({g.Before:0.0} → {g.After:0.0})") : "no group loses";
        var children = r.ChildrenFallingMost.Count > 0
            ? $"children falling most: {string.Join(", ", r.ChildrenFallingMost.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.ChildId}{(c.UnderThree ? " ▲" : "")} {c.Before:0.0} → {c.After:0.0}")))}"
            : "no child's score falls";
        var name = r.Name != r.CaregiverId ? $" ({r.Name})" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"Without {r.CaregiverId}{name}: {uncovered}{broken}; {group}; {children}; institution {r.WeightedMeanBefore:0.0} → {r.WeightedMeanAfter:0.0}, lowest child {r.LowestBefore:0.0} → {r.LowestAfter:0.0}; {r.Changes} change(s) asked of colleagues for {r.ShiftsLost} shift(s) lost; {r.Seconds:0.0} s.");
    }

    /// <summary>"4 caregiver(s), 12.3 s in all.", with a note when cancelled before every caregiver was left out.</summary>
    public static string Summary(LeaveOneOutResult result) => string.Create(CultureInfo.InvariantCulture,
        $"{result.Caregivers.Count} caregiver(s), {result.Seconds:0.0} s in all{(result.Complete ? "" : "; cancelled before every caregiver was left out")}.");
}
