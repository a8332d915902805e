using System.Text.RegularExpressions;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Domain.Rules;

namespace ContinuityScheduler.Cli.Tests;

/// <summary>The documentation's examples and lists are the code's: these fail when the two drift apart.</summary>
public partial class DocsTests
{
    [Fact]
    public void The_complete_example_in_formats_md_loads_without_errors()
    {
        var markdown = File.ReadAllText(Path.Combine(RepoFiles.Root, "docs", "formats.md"));
        var example = JsonBlock().Match(markdown).Groups[1].Value;

        var result = ProblemReader.Read(example);

        result.Errors.Should().BeEmpty();
        result.Value!.Caregivers.Should().HaveCount(2);
        result.Value.Institution.LabourRules["contract-hours"].Weeks.Should().Be(1);
    }

    [Fact]
    public void Rules_md_lists_every_rule_code()
    {
        var markdown = File.ReadAllText(Path.Combine(RepoFiles.Root, "docs", "rules.md"));

        foreach (var definition in RuleSet.Definitions)
        {
            markdown.Should().Contain($"`{definition.Code}`");
        }
    }

    [GeneratedRegex("```json\\s*\\n(\\{.*?\\n\\})\\s*\\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
