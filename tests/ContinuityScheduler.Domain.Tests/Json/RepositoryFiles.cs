using System.Text.Json;

namespace ContinuityScheduler.Domain.Tests.Json;

/// <summary>
/// Files read from the source tree at test time: the broken-document corpus and the samples.
/// </summary>
internal static class RepositoryFiles
{
    public static string CorpusDirectory => Path.Combine(Testing.RepositoryRoot.Path, "tests", "ContinuityScheduler.Domain.Tests", "Json", "Corpus");

    public static string SamplesDirectory => Path.Combine(Testing.RepositoryRoot.Path, "samples");

    public const string ExpectationsFile = "expected.json";

    /// <summary>The broken documents of the corpus: every JSON file in the corpus folder but the expectations.</summary>
    public static IReadOnlyList<string> CorpusDocuments() =>
        [.. Directory.GetFiles(CorpusDirectory, "*.json")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name != ExpectationsFile)
            .Order(StringComparer.Ordinal)];

    public static string ReadCorpus(string name) => File.ReadAllText(Path.Combine(CorpusDirectory, name));

    /// <summary>File name to the errors its document must be reported with.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<ExpectedError>> Expectations() =>
        JsonSerializer.Deserialize<Dictionary<string, List<ExpectedError>>>(
            File.ReadAllText(Path.Combine(CorpusDirectory, ExpectationsFile)),
            new JsonSerializerOptions(JsonSerializerDefaults.Web) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow })!
            .ToDictionary(pair => pair.Key, pair => (IReadOnlyList<ExpectedError>)pair.Value, StringComparer.Ordinal);

    public static IReadOnlyList<string> Samples() =>
        [.. Directory.GetFiles(SamplesDirectory, "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    public static string ReadSample(string name) => File.ReadAllText(Path.Combine(SamplesDirectory, name));
}

/// <summary>One error a corpus document must be reported with: its exact path and a fragment of its message.</summary>
internal sealed record ExpectedError(string Path, string MessageContains)
{
    public override string ToString() => $"{Path}: …{MessageContains}…";
}
