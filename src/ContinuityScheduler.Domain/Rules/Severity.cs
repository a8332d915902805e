namespace ContinuityScheduler.Domain.Rules;

public enum Severity
{
    /// <summary>Must not happen: a rota with a hard violation is not valid.</summary>
    Hard,

    /// <summary>Should not happen: counted against the rota's quality.</summary>
    Soft,
}
