using System.Text.Json.Nodes;
using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.RealWorld;

/// <summary>Every captured file parses in the format its name gives, names its source, and has tests of its own.</summary>
public sealed class EveryFileTests
{
    /// <summary>The files the test classes of this folder cover, each by its own constant.</summary>
    private static readonly string[] Covered =
    [
        AirflowFixtureTests.Deploying,
        AirflowFixtureTests.DeployedNotReady,
        AirflowFixtureTests.ReadyJobCreated,
        AirflowFixtureTests.MissingUpgradingSuspend,
        BlueGreenChildFlinkDeploymentTests.File,
        BlueGreenDeploymentTests.SavepointingBlue,
        BlueGreenDeploymentTests.TransitioningToGreen,
        SessionAndStableFlinkDeploymentTests.OpenShiftSession,
        SessionAndStableFlinkDeploymentTests.KarmadaStable,
        StatusFragmentTests.CfkStatus,
        StatusFragmentTests.ErrorJson,
        UntrackedKindTests.SnapshotStatusFragment,
        UntrackedKindTests.MigrationSavepoint,
        UntrackedKindTests.TruncatedSessionJob,
        RealWorldEvents.BlueGreenDrillFile,
        RealWorldEvents.Release110DescribeFile,
        OperatorLogFileTests.File,
        JobManagerConfigTests.File,
    ];

    public static TheoryData<string> CoveredFiles => new(Covered);

    [Fact]
    public void Every_file_in_the_folder_has_tests_of_its_own()
    {
        Assert.Equal(ReferenceFiles.RealWorldFileNames(), Covered.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CoveredFiles))]
    public void Every_file_opens_with_its_source_and_has_content_after_it(string file)
    {
        var opened = RealWorldFile.Open(file);

        Assert.StartsWith("# source: ", opened.Header[0], StringComparison.Ordinal);
        Assert.True(opened.Body.Trim().Length > 0 || file == StatusFragmentTests.ErrorJson, $"{file} has nothing after its header");
    }

    [Theory]
    [MemberData(nameof(CoveredFiles))]
    public void Every_file_parses_in_the_format_its_name_gives(string file)
    {
        var opened = RealWorldFile.Open(file);

        var parts = Format(file, opened.Body) switch
        {
            "yaml" => opened.YamlDocuments().Count,
            "python" => opened.PythonDict().Count,
            "describe" => PrintedEvents.ReadDescribeEvents(opened.Body).Count,
            "events" => PrintedEvents.ReadGetEventsTable(opened.Body).Count,
            "log" => OperatorLog.Read(opened.Body).Count,
            "config" => FlinkConfigTable.Read(opened.Body).Count,
            // The user pasted the error as a comment line: "# Error {...}".
            "error" => Assert.IsType<JsonObject>(JsonNode.Parse(opened.Header.Single(l => l.StartsWith("# Error {", StringComparison.Ordinal))[8..])).Count,
            var other => throw new InvalidOperationException($"No reader for {file} ({other})"),
        };

        Assert.True(parts > 0, $"{file} parsed to nothing");
    }

    private static string Format(string file, string body) => Path.GetExtension(file) switch
    {
        ".yaml" => "yaml",
        ".py" => "python",
        _ when file.StartsWith("events-", StringComparison.Ordinal) => body.Contains("Events:", StringComparison.Ordinal) ? "describe" : "events",
        _ when file.StartsWith("operatorlog-", StringComparison.Ordinal) => "log",
        _ when file.StartsWith("jobmanager-", StringComparison.Ordinal) => "config",
        _ when file.StartsWith("status-error-", StringComparison.Ordinal) => "error",
        _ => "unknown",
    };
}
