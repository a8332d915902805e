namespace ContinuityScheduler.Curtois;

/// <summary>How many employees a shift type wants on a day, and the penalty per person short or beyond.</summary>
public sealed record CurtoisCover(int Day, string ShiftId, int Requirement, int WeightUnder, int WeightOver);
