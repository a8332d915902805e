using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;
using Microsoft.Extensions.Caching.Memory;

namespace ContinuityScheduler.Api.Rotas;

/// <summary>A stored rota read back with the planning problem it was made for. Both never change, so reading is cached by id.</summary>
public sealed record StoredRota(PlanningProblem Problem, Rota Rota)
{
    public static StoredRota Of(RotaRecord record, IMemoryCache cache) =>
        cache.GetOrCreate(("rota", record.Id), entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromMinutes(30);
            var problem = ProblemReader.Read(record.ProblemJson).Value
                ?? throw new InvalidOperationException($"Stored problem of rota {record.Id} no longer reads.");
            var rota = RotaReader.Read(record.RotaJson, problem).Value
                ?? throw new InvalidOperationException($"Stored rota {record.Id} no longer reads.");
            return new StoredRota(problem, rota);
        })!;
}
