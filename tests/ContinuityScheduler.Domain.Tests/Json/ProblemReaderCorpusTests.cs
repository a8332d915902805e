using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Model;

namespace ContinuityScheduler.Domain.Tests.Json;

/// <summary>
/// The broken documents in Corpus/: each is small and valid except for its flaws, and Corpus/expected.json
/// lists the errors (exact path, message fragment) it must be reported with.
/// </summary>
public sealed class ProblemReaderCorpusTests
{
    private const string SeveralFlaws = "several-independent-flaws.json";

    public static TheoryData<string> CorpusDocuments() => [.. RepositoryFiles.CorpusDocuments()];

    [Theory]
    [MemberData(nameof(CorpusDocuments))]
    public void A_broken_document_is_refused_with_every_expected_error(string name)
    {
        var json = RepositoryFiles.ReadCorpus(name);
        var expected = RepositoryFiles.Expectations()[name];

        var read = () => ProblemReader.Read(json);

        var result = read.Should().NotThrow($"{name} must be reported, not thrown").Subject;
        result.Succeeded.Should().BeFalse($"{name} is broken");
        result.Value.Should().BeNull();
        result.Errors.Should().NotBeEmpty();
        foreach (var error in expected)
        {
            result.Errors.Should().Contain(
                actual => actual.Path == error.Path && actual.Message.Contains(error.MessageContains, StringComparison.Ordinal),
                $"{name} must be reported at {error.Path} with a message containing \"{error.MessageContains}\"");
        }
    }

    [Fact]
    public void Several_independent_flaws_are_all_reported_at_once_and_nothing_else()
    {
        var expected = RepositoryFiles.Expectations()[SeveralFlaws];

        var result = ProblemReader.Read(RepositoryFiles.ReadCorpus(SeveralFlaws));

        result.Succeeded.Should().BeFalse();
        result.Errors.Select(e => e.Path).Should().BeEquivalentTo(expected.Select(e => e.Path));
        expected.Should().HaveCountGreaterThanOrEqualTo(10);
    }

    [Fact]
    public void Every_corpus_document_has_expectations_and_every_expectation_a_document()
    {
        var documents = RepositoryFiles.CorpusDocuments();
        var expectations = RepositoryFiles.Expectations();

        documents.Should().HaveCountGreaterThanOrEqualTo(24);
        documents.Should().BeEquivalentTo(expectations.Keys);
        expectations.Values.Should().AllSatisfy(errors => errors.Should().NotBeEmpty().And.AllSatisfy(error => error.Path.Should().StartWith("$")));
    }

    [Fact]
    public void Errors_of_a_broken_document_print_as_path_and_message()
    {
        var result = ProblemReader.Read(RepositoryFiles.ReadCorpus("negative-hours-per-week.json"));

        result.Errors.Should().ContainSingle()
            .Which.ToString().Should().Be("$.caregivers[3].contract.hoursPerWeek: Must lie between 0 and 168, found -4.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("\"a planning problem\"")]
    [InlineData("{}")]
    [InlineData("{ \"institution\": { \"id\": \"x\", } }")]
    [InlineData("{ /* comment */ }")]
    public void A_document_that_is_not_a_planning_problem_is_refused_at_the_root_or_its_fields(string json)
    {
        var read = () => ProblemReader.Read(json);

        var result = read.Should().NotThrow().Subject;
        result.Succeeded.Should().BeFalse();
        result.Errors.Should().NotBeEmpty().And.OnlyContain(e => e.Path.StartsWith('$'));
    }

    [Fact]
    public void An_empty_object_is_missing_each_required_section()
    {
        var result = ProblemReader.Read("{}");

        result.Errors.Select(e => e.Path).Should().BeEquivalentTo(
            ["$.institution", "$.horizon", "$.shiftTypes", "$.groups", "$.caregivers", "$.demands"]);
        result.Errors.Should().OnlyContain(e => e.Message == "Required.");
    }

    [Fact]
    public void A_document_nested_deeper_than_the_limit_is_refused_as_not_json()
    {
        var json = new string('[', 100) + new string(']', 100);

        var result = ProblemReader.Read(json);

        result.Errors.Should().ContainSingle().Which.Path.Should().Be("$");
    }

    [Fact]
    public void The_corpus_documents_differ_from_a_valid_problem_only_by_their_flaws()
    {
        // The corpus was made by changing one valid base document; the first corpus document with a single
        // harmless-to-fix flaw, once fixed, must load, which shows the base itself is valid.
        var json = RepositoryFiles.ReadCorpus("negative-hours-per-week.json").Replace("\"hoursPerWeek\": -4", "\"hoursPerWeek\": 24", StringComparison.Ordinal);

        var result = ProblemReader.Read(json);

        result.Errors.Should().BeEmpty();
        result.Value!.Caregivers.Should().HaveCount(4);
        result.Value.Caregivers[3].Contract.Should().Be(new Contract(24, EmploymentType.Agency));
    }
}
