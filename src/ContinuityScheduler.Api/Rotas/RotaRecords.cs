using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;

namespace ContinuityScheduler.Api.Rotas;

public static class RotaRecords
{
    /// <summary>A new draft with the exact problem it was made for.</summary>
    public static RotaRecord Draft(string institutionId, PlanningProblem problem, string problemJson, Rota rota, Guid? jobId) => new()
    {
        Id = Guid.NewGuid(),
        InstitutionId = institutionId,
        HorizonStart = IsoText.Of(problem.Horizon.Start),
        Weeks = problem.Horizon.Weeks,
        Status = RotaStatus.Draft,
        MadeBy = rota.MadeBy,
        RotaJson = DocumentWriter.Write(rota),
        ProblemJson = problemJson,
        JobId = jobId,
        CreatedAt = DateTime.UtcNow,
    };
}
