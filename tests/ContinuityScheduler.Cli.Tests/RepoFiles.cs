namespace ContinuityScheduler.Cli.Tests;

/// <summary>Paths in the repository the tests run from: the samples and the scratch folder for outputs.</summary>
internal static class RepoFiles
{
    public static string Root => Testing.RepositoryRoot.Path;

    public static IReadOnlyList<string> SampleNames { get; } = ["small-home", "baby-home", "regional", "dst-week"];

    public static string Sample(string name) => Testing.RepositoryRoot.Sample(name);

    public static string Scratch(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "continuity-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
