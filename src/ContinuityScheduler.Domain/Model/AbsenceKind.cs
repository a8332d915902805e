namespace ContinuityScheduler.Domain.Model;

public enum AbsenceKind
{
    Leave,
    Sickness,
    Training,
    Other,
}
