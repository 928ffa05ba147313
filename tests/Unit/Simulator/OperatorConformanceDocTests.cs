using System.Reflection;
using System.Text.RegularExpressions;
using Cmf.Simulator.Operator;
using Cmf.UnitTests.Simulator.Support;

namespace Cmf.UnitTests.Simulator;

/// <summary>
/// docs/operator-conformance.md is the contract between the simulator and the Flink operator's source:
/// every row must cite the operator, name simulator code that exists and tests that exist.
/// </summary>
public sealed partial class OperatorConformanceDocTests
{
    private static readonly string DocumentPath = Path.Combine(RepositoryPaths.Root, "docs", "operator-conformance.md");

    [Fact]
    public void The_table_has_a_row_for_every_path_the_issue_lists()
    {
        var paths = Rows().Select(row => row.Path).ToList();

        string[] required =
        [
            "First deployment", "Savepoint upgrade", "Stateless upgrade", "Last-state upgrade with HA metadata",
            "Last-state upgrade without HA metadata (1.10+)", "Savepoint failure and retries", "Savepoint suspend",
            "JobManager shutdown TTL", "Stateless and last-state suspend", "Resume", "IGNORE change",
            "SCALE change (native, in place)", "Rollback (1.10+)", "Status shapes up to 1.9", "Finite job FINISHED",
            "Job FAILED", "JobManager missing and recovered", "Delete",
        ];
        Assert.Empty(required.Except(paths));
    }

    [Fact]
    public void Every_row_cites_the_operators_java_source_with_a_method_and_line()
    {
        Assert.All(Rows(), row =>
        {
            Assert.Matches(JavaFile(), row.Source);
            Assert.Matches(LineReference(), row.Source);
            Assert.False(string.IsNullOrWhiteSpace(row.Writes), row.Path + " says nothing about the status writes");
        });
    }

    [Fact]
    public void Every_named_test_exists_as_a_test_method()
    {
        var tests = typeof(OperatorConformanceDocTests).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(method => method.GetCustomAttributes().Any(attribute => attribute is FactAttribute))
                .Select(method => type.Name + "." + method.Name))
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(Rows(), row =>
        {
            var named = CodeReferences(row.Tests);
            Assert.NotEmpty(named);
            var missing = named.Where(name => !tests.Contains(name)).ToList();
            Assert.True(missing.Count == 0, row.Path + " names tests that do not exist: " + string.Join(", ", missing));
        });
    }

    [Fact]
    public void Every_named_simulator_method_exists()
    {
        var members = typeof(FlinkOperator).Assembly.GetTypes()
            .SelectMany(type => type.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Select(member => SimpleName(type) + "." + member.Name))
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(Rows(), row =>
        {
            var named = CodeReferences(row.Simulator);
            Assert.NotEmpty(named);
            var missing = named.Where(name => !members.Contains(name)).ToList();
            Assert.True(missing.Count == 0, row.Path + " names simulator code that does not exist: " + string.Join(", ", missing));
        });
    }

    private static string SimpleName(Type type)
    {
        var name = type.Name;
        var generic = name.IndexOf('`', StringComparison.Ordinal);
        return generic < 0 ? name : name[..generic];
    }

    private static List<string> CodeReferences(string cell) =>
        CodeReference().Matches(cell).Select(match => match.Groups[1].Value).ToList();

    private sealed record Row(string Path, string Source, string Writes, string Simulator, string Tests);

    private static List<Row> Rows()
    {
        var lines = File.ReadAllLines(DocumentPath);
        var header = Array.FindIndex(lines, line => line.StartsWith("| Path |", StringComparison.Ordinal));
        Assert.True(header >= 0, "the Rows table header was not found in " + DocumentPath);

        var rows = lines.Skip(header + 2)
            .TakeWhile(line => line.StartsWith('|'))
            .Select(line => line.Trim().Trim('|').Split(" | "))
            .Select(cells =>
            {
                Assert.True(cells.Length == 5, "a row must have 5 cells: " + string.Join(" | ", cells));
                return new Row(cells[0].Trim(), cells[1], cells[2], cells[3], cells[4]);
            })
            .ToList();
        Assert.True(rows.Count >= 18, "the table lost rows: " + rows.Count);
        return rows;
    }

    [GeneratedRegex(@"`[^`]+\.java`")]
    private static partial Regex JavaFile();

    [GeneratedRegex(@"L\d+")]
    private static partial Regex LineReference();

    [GeneratedRegex(@"`([A-Z][A-Za-z0-9]*\.[A-Za-z_][A-Za-z0-9_]*)`")]
    private static partial Regex CodeReference();
}
