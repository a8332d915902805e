using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;

namespace ContinuityScheduler.Cli;

/// <summary>Loads problem and rota files, turning every load error into one <see cref="BadInputException"/> that lists them all.</summary>
public static class Documents
{
    public static PlanningProblem Problem(string path) => Unwrap(path, ProblemReader.Read(ReadText(path)));

    public static Rota Rota(string path, PlanningProblem problem) => Unwrap(path, RotaReader.Read(ReadText(path), problem));

    public static IReadOnlyList<Domain.Advice.Candidate> Candidates(string path, PlanningProblem problem) => Unwrap(path, CandidateReader.Read(ReadText(path), problem));

    public static Domain.Scenarios.Scenario Scenario(string path) => Unwrap(path, ScenarioReader.Read(ReadText(path)));

    public static void Write(string path, string json)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(path, json + Environment.NewLine);
    }

    /// <summary>A document's text, or bad input naming the file when it cannot be read.</summary>
    public static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"{path}: cannot read the file: {e.Message}", []);
        }
    }

    public static T Unwrap<T>(string path, LoadResult<T> result) where T : class =>
        result.Succeeded ? result.Value : throw new BadInputException($"{path}: {result.Errors.Count} problem(s)", result.Errors);
}

/// <summary>An input document that could not be loaded, with every error found in it.</summary>
public sealed class BadInputException(string message, IReadOnlyList<LoadError> errors) : Exception(message)
{
    public IReadOnlyList<LoadError> Errors { get; } = errors;
}
