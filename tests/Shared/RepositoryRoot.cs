namespace ContinuityScheduler.Testing;

/// <summary>
/// The repository a test or benchmark runs from: the first folder above the assembly that holds
/// ContinuityScheduler.sln, so samples and fixtures are read in place, never copied to the output.
/// </summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Found = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "ContinuityScheduler.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds ContinuityScheduler.sln.");
    });

    public static string Path => Found.Value;

    public static string Sample(string name) => System.IO.Path.Combine(Path, "samples", $"{name}.json");
}
