namespace ContinuityScheduler.Curtois;

/// <summary>A shift type: its id, its length and the shift types that may not be worked on the next day.</summary>
public sealed record CurtoisShift(string Id, int LengthMinutes, IReadOnlyList<string> NotFollowedBy);
