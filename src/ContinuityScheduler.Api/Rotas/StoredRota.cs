using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;
using Microsoft.Extensions.Caching.Memory;

namespace ContinuityScheduler.Api.Rotas;

/// <summary>A stored rota read back with the planning problem it was made for. Both never change, so reading is cached by id.</summary>
public sealed record StoredRota(PlanningProblem Problem, Rota Rota)
{
    private readonly Lazy<Rota> hospitalWay = new(() => Domain.Baseline.HospitalWay.Generate(Problem));

    /// <summary>The hospital way's rota for the same problem, made once per cached rota (every history sets it beside this one).</summary>
    public Rota HospitalWay => hospitalWay.Value;

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
