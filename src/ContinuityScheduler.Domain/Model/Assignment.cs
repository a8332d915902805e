using NodaTime;

namespace ContinuityScheduler.Domain.Model;

/// <summary>One caregiver working one demand's shift on one date.</summary>
public sealed record Assignment
{
    public Assignment(string caregiverId, LocalDate date, string demandId)
    {
        CaregiverId = Guard.NotBlank(caregiverId, nameof(caregiverId));
        Date = date;
        DemandId = Guard.NotBlank(demandId, nameof(demandId));
    }

    public string CaregiverId { get; }

    public LocalDate Date { get; }

    public string DemandId { get; }
}
