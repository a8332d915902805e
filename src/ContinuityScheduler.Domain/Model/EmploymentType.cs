namespace ContinuityScheduler.Domain.Model;

/// <summary>How a caregiver is employed; relief and agency staff are capped by the relief-share rule.</summary>
public enum EmploymentType
{
    Permanent,
    Relief,
    Agency,
}
