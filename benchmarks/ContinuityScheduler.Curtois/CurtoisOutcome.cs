using ContinuityScheduler.Solver.Engine;

namespace ContinuityScheduler.Curtois;

/// <summary>One instance solved: the engine's result, the roster read from it and the checker's verdict on that roster.</summary>
public sealed record CurtoisOutcome(CurtoisInstance Instance, MipResult Result, CurtoisRoster? Roster, CurtoisVerdict? Verdict)
{
    /// <summary>The engine's objective and the checker's agree (to rounding); false without a roster.</summary>
    public bool ObjectivesAgree => Verdict is not null && Result.Objective is { } o && Math.Abs(o - Verdict.Objective) < 1e-6;

    /// <summary>Valid under every hard rule and scored the same by the checker as by the engine.</summary>
    public bool IsVerified => Verdict is { IsValid: true } && ObjectivesAgree;

    /// <summary>(objective − bound) / objective, from the checker's objective and the engine's bound.</summary>
    public double? Gap => Verdict is null || Result.Bound is not { } bound ? null
        : Verdict.Objective == 0 ? 0 : Math.Max(0, (Verdict.Objective - bound) / Verdict.Objective);
}
