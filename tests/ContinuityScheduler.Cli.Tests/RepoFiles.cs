namespace ContinuityScheduler.Cli.Tests;

/// <summary>Paths in the repository the tests run from: the samples and the scratch folder for outputs.</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static IReadOnlyList<string> SampleNames { get; } = ["small-home", "baby-home", "regional", "dst-week"];

    public static string Sample(string name) => Path.Combine(Root, "samples", $"{name}.json");

    public static string Scratch(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "continuity-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ContinuityScheduler.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository: no ContinuityScheduler.sln above " + AppContext.BaseDirectory);
    }
}
