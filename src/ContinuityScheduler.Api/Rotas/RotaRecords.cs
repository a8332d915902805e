using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;
using NodaTime;
using NodaTime.Text;

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

    /// <summary>The dates a stored rota covers, read off its row without reading the rota.</summary>
    public static DateInterval Dates(RotaRecord record)
    {
        var start = LocalDatePattern.Iso.Parse(record.HorizonStart).Value;
        return new DateInterval(start, start.PlusDays((7 * record.Weeks) - 1));
    }
}
