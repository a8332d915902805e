namespace ContinuityScheduler.Api.Data;

/// <summary>A home using the service; its settings are the planning problem's <c>institution</c> object.</summary>
public sealed class InstitutionRecord
{
    public required string Id { get; set; }

    public required string SettingsJson { get; set; }

    public int Version { get; set; } = 1;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>An API key of one institution; only its SHA-256 hash is kept.</summary>
public sealed class ApiKeyRecord
{
    public required string Id { get; set; }

    public required string InstitutionId { get; set; }

    public required string Hash { get; set; }

    public string? Label { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}

/// <summary>One item of an institution's master data (a group, child, caregiver, absence, wish, shift type, demand or the imported history) as its canonical JSON.</summary>
public sealed class ResourceRecord
{
    public required string InstitutionId { get; set; }

    public required string Kind { get; set; }

    public required string Key { get; set; }

    public required string Json { get; set; }

    public int Version { get; set; } = 1;

    public DateTime UpdatedAt { get; set; }
}

/// <summary>A rota with the planning problem it was made for, so its scores never change when master data does.</summary>
public sealed class RotaRecord
{
    public Guid Id { get; set; }

    public required string InstitutionId { get; set; }

    public required string HorizonStart { get; set; }

    public int Weeks { get; set; }

    public required string Status { get; set; }

    public required string MadeBy { get; set; }

    public required string RotaJson { get; set; }

    public required string ProblemJson { get; set; }

    public Guid? JobId { get; set; }

    public int Version { get; set; } = 1;

    public DateTime CreatedAt { get; set; }

    public DateTime? PublishedAt { get; set; }
}

/// <summary>A solve or repair job; its state is stored so a restart never loses it.</summary>
public sealed class SolveJobRecord
{
    public Guid Id { get; set; }

    public required string InstitutionId { get; set; }

    public required string Kind { get; set; }

    public required string State { get; set; }

    public required string RequestJson { get; set; }

    public required string ProblemJson { get; set; }

    public string? PublishedRotaJson { get; set; }

    public bool CancelRequested { get; set; }

    public int Attempts { get; set; }

    public double? ElapsedSeconds { get; set; }

    public double? Incumbent { get; set; }

    public double? Bound { get; set; }

    public string? SolverStatus { get; set; }

    public string? ResultJson { get; set; }

    public string? Error { get; set; }

    public Guid? RotaId { get; set; }

    /// <summary>The claim that holds a running job; a new one each time the job is claimed.</summary>
    public Guid? LeaseId { get; set; }

    /// <summary>The service instance that holds the lease (JobOptions.InstanceName).</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>When the lease lapses unless renewed; after it, any instance may claim the job again.</summary>
    public DateTime? LeaseExpiresAt { get; set; }

    /// <summary>The best rota of a run handed back at shutdown: the next run starts from it.</summary>
    public string? StartRotaJson { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }
}

/// <summary>A date of an institution and the one published rota that covers it: the database's guard against two published rotas for one day.</summary>
public sealed class PublishedDateRecord
{
    public required string InstitutionId { get; set; }

    /// <summary>The date as yyyy-MM-dd.</summary>
    public required string Date { get; set; }

    public Guid RotaId { get; set; }
}

/// <summary>A caregiver's secret calendar feed address, kept as the SHA-256 of its token.</summary>
public sealed class CalendarFeedRecord
{
    public required string Hash { get; set; }

    public required string InstitutionId { get; set; }

    public required string CaregiverId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
