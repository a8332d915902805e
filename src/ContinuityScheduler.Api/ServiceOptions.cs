namespace ContinuityScheduler.Api;

/// <summary>The service's settings, section <c>ContinuityScheduler</c> of appsettings.json or environment variables such as <c>ContinuityScheduler__Jobs__Concurrency</c>.</summary>
public sealed class ServiceOptions
{
    public const string Section = "ContinuityScheduler";

    /// <summary>Where the SQLite database lives when no connection string is given; created on first start.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>Empty: a SQLite file in <see cref="DataFolder"/>. <c>Data Source=…</c>: SQLite. <c>Host=…</c>: PostgreSQL.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The key that creates institutions and their API keys; without one, those endpoints answer 401.</summary>
    public string AdminApiKey { get; set; } = "";

    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Requests a minute one key (or, without a key, one address) may make; beyond it 429 with Retry-After.</summary>
    public int RequestsPerMinute { get; set; } = 1200;

    /// <summary>Requests a minute one network address may make whatever keys it sends (made-up keys would each get a budget).</summary>
    public int RequestsPerMinutePerAddress { get; set; } = 6000;

    public JobOptions Jobs { get; set; } = new();

    public DemoOptions Demo { get; set; } = new();

    public string DatabaseFile => Path.GetFullPath(Path.Combine(DataFolder, "continuity.db"));

    public bool UsesPostgres => ConnectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase);
}

public sealed class JobOptions
{
    /// <summary>Solves this instance runs at the same time; 0 means one per two cores.</summary>
    public int Concurrency { get; set; }

    /// <summary>False: this instance serves the API only and leaves the solving to the others on the same database.</summary>
    public bool Solve { get; set; } = true;

    /// <summary>Jobs one institution may have waiting, cluster-wide; one more answers 429.</summary>
    public int QueueCapacity { get; set; } = 16;

    /// <summary>This instance's name on the leases it holds; empty means machine name, process id and a random suffix.</summary>
    public string InstanceName { get; set; } = "";

    /// <summary>How long a claimed job stays this instance's without a heartbeat; after it, another instance may claim it.</summary>
    public int LeaseSeconds { get; set; } = 15;

    /// <summary>How often a running job renews its lease, writes its progress and looks for a cancellation from any instance.</summary>
    public int HeartbeatMilliseconds { get; set; } = 1000;

    /// <summary>How often an idle worker looks for a job posted to another instance.</summary>
    public int PollMilliseconds { get; set; } = 500;

    /// <summary>Runs a job may begin (crashes and lost leases included) before it ends failed with its last error.</summary>
    public int MaxAttempts { get; set; } = 3;

    public int DefaultTimeLimitSeconds { get; set; } = 60;

    public int MaxTimeLimitSeconds { get; set; } = 900;

    /// <summary>Solve in the engine's repeatable mode (time limits count work units, not seconds): for tests that must not depend on load.</summary>
    public bool Deterministic { get; set; }

    public int EffectiveConcurrency => Concurrency > 0 ? Concurrency : Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Search workers per solve: the engine chooses by size when one solve has the machine, else its share of the cores.</summary>
    public int ThreadsPerSolve => EffectiveConcurrency == 1 ? 0 : Math.Max(1, Environment.ProcessorCount / EffectiveConcurrency);
}

/// <summary>A demo institution loaded on first start, with a known key, so a new user can try the API at once.</summary>
public sealed class DemoOptions
{
    public bool Enabled { get; set; }

    public string ProblemFile { get; set; } = "samples/baby-home.json";

    public string ApiKey { get; set; } = "";

    /// <summary>Scenario files stored as the demo's scenarios (the workshop pack), each under its file name.</summary>
    public string ScenarioFolder { get; set; } = "samples/workshop";

    /// <summary>A year of rotas published for the demo on first start (the workshop history), when they fit its data; none when the file is missing.</summary>
    public string HistoryFile { get; set; } = "samples/workshop/history/baby-home-year.json";

    /// <summary>Queue a solve of the demo's horizon on first start, so there is a rota to look at.</summary>
    public bool SolveOnFirstStart { get; set; } = true;
}
