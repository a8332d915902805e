
namespace ContinuityScheduler.Api.Contracts;

/// <summary>A whole planning problem and a rota, both in the document formats of docs/formats.md.</summary>
public sealed record CheckRequest(PlanningProblemBody Problem, RotaBody Rota);
