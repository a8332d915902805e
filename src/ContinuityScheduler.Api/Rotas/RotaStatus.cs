namespace ContinuityScheduler.Api.Rotas;

/// <summary>A rota's life: made as a draft, published to staff (then the history of the next horizon), superseded by a later publication of the same dates.</summary>
public static class RotaStatus
{
    public const string Draft = "draft";
    public const string Published = "published";
    public const string Superseded = "superseded";
}
