namespace ContinuityScheduler.Curtois;

/// <summary>Where the instances live: the shared folder beside the repository (../shared/benchmarks/curtois), read in place.</summary>
public static class CurtoisFiles
{
    public static string Folder(string repositoryRoot)
    {
        var folder = Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "benchmarks", "curtois"));
        return Directory.Exists(folder)
            ? folder
            : throw new DirectoryNotFoundException($"The Curtois instances are expected in {folder} (../shared/benchmarks/curtois beside the repository), and that folder does not exist.");
    }

    public static string Instance(string repositoryRoot, int number)
    {
        var path = Path.Combine(Folder(repositoryRoot), $"Instance{number}.txt");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Instance file {path} is missing.", path);
    }
}
