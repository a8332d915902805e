namespace ContinuityScheduler.Domain.Rules;

/// <summary>The settings of every rule in an institution, plus the residential derogation that allows live-in shifts.</summary>
public sealed record LabourRules
{
    public LabourRules(IReadOnlyDictionary<string, RuleSettings> settings, bool residentialDerogation = false, double compensatoryRestHours = 24)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var missing = RuleSet.Definitions.FirstOrDefault(d => !settings.ContainsKey(d.Code));
        if (missing is not null)
        {
            throw new ArgumentException($"No settings for rule {missing.Code}.", nameof(settings));
        }

        var unknown = settings.Keys.FirstOrDefault(code => RuleSet.Find(code) is null);
        if (unknown is not null)
        {
            throw new ArgumentException($"Unknown rule {unknown}.", nameof(settings));
        }

        Settings = new Dictionary<string, RuleSettings>(settings, StringComparer.Ordinal);
        ResidentialDerogation = residentialDerogation;
        CompensatoryRestHours = double.IsFinite(compensatoryRestHours) && compensatoryRestHours >= 0
            ? compensatoryRestHours
            : throw new ArgumentOutOfRangeException(nameof(compensatoryRestHours));
    }

    /// <summary>The EU Working Time Directive defaults of DESIGN section 4.</summary>
    public static LabourRules Default { get; } = new(RuleSet.Definitions.ToDictionary(d => d.Code, d => d.Defaults));

    public IReadOnlyDictionary<string, RuleSettings> Settings { get; }

    /// <summary>Whether live-in shifts longer than the maximum shift length are allowed.</summary>
    public bool ResidentialDerogation { get; }

    /// <summary>The rest a live-in shift must be followed by when the derogation applies.</summary>
    public double CompensatoryRestHours { get; }

    public RuleSettings this[string code] => Settings[code];

    public LabourRules With(string code, RuleSettings settings) =>
        new(new Dictionary<string, RuleSettings>(Settings) { [code] = settings }, ResidentialDerogation, CompensatoryRestHours);

    public LabourRules WithDerogation(bool enabled, double compensatoryRestHours) => new(Settings, enabled, compensatoryRestHours);
}
