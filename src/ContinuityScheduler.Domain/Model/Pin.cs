using NodaTime;

namespace ContinuityScheduler.Domain.Model;

/// <summary>An assignment that must stay, or must not happen.</summary>
public sealed record Pin
{
    public Pin(PinKind kind, string caregiverId, LocalDate date, string? demandId = null)
    {
        if (kind == PinKind.Require && string.IsNullOrWhiteSpace(demandId))
        {
            throw new ArgumentException("A required pin names the demand.", nameof(demandId));
        }

        Kind = kind;
        CaregiverId = Guard.NotBlank(caregiverId, nameof(caregiverId));
        Date = date;
        DemandId = demandId;
    }

    public PinKind Kind { get; }

    public string CaregiverId { get; }

    public LocalDate Date { get; }

    public string? DemandId { get; }

    public bool Matches(Assignment assignment) =>
        assignment.CaregiverId == CaregiverId && assignment.Date == Date && (DemandId is null || assignment.DemandId == DemandId);
}
