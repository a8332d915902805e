namespace ContinuityScheduler.Domain.Model;

/// <summary>A caregiver's contracted working time.</summary>
public sealed record Contract
{
    public Contract(double hoursPerWeek, EmploymentType employmentType = EmploymentType.Permanent)
    {
        HoursPerWeek = Guard.NonNegative(hoursPerWeek, nameof(hoursPerWeek));
        if (hoursPerWeek > 168)
        {
            throw new ArgumentOutOfRangeException(nameof(hoursPerWeek), hoursPerWeek, "A week has 168 hours.");
        }

        EmploymentType = employmentType;
    }

    public double HoursPerWeek { get; }

    public EmploymentType EmploymentType { get; }

    /// <summary>Relief and agency staff work on call: their hours are a ceiling, not a target.</summary>
    public bool IsOnCall => EmploymentType is not EmploymentType.Permanent;
}
