namespace ContinuityScheduler.Domain.Model;

public enum PinKind
{
    /// <summary>The assignment must be in the rota.</summary>
    Require,

    /// <summary>The assignment (or, without a demand, any shift that day) must not be in the rota.</summary>
    Forbid,
}
