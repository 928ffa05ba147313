using System.Text.RegularExpressions;
using Cmf.Core.Model;
using Cmf.Core.Storage.Views;
using Cmf.Core.Tracking;
using Cmf.UnitTests.Simulator.Support;
using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.Hosting;

/// <summary>
/// The README's "Try it with kubectl" walk-through, run as written against the dashboard's built-in demo: the YAML
/// applied in namespace default and each kubectl command, with what the README says each one does.
/// </summary>
public sealed partial class ReadmeKubectlTests
{
    private static readonly ApplicationKey HelloFlink = new("default", "hello-flink");

    [Fact]
    public async Task The_readme_walk_through_shows_up_in_the_demo_as_it_says()
    {
        var (yaml, commands) = ReadWalkThrough();
        Assert.Equal(6, commands.Count);
        await using var host = await DashboardHost.StartAsync(new Dictionary<string, string?>
        {
            ["Cmf:Cluster:Mode"] = "Simulated",
            ["Cmf:Cluster:Simulator:Scenario"] = "demo",
            ["Cmf:Cluster:Simulator:Speed"] = "20",
        });
        await Eventually.TrueAsync(async () => (await host.Client.GetAsync("/readyz")).IsSuccessStatusCode, "the dashboard is ready");
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("hello-flink.yaml"), yaml);
        var kubectl = new Kubectl(Path.Combine(host.DataDirectory, "simulator.kubeconfig"));
        async Task RunAsync(IReadOnlyList<string> command) =>
            (await kubectl.RunAsync([.. command.Select(arg => arg == "hello-flink.yaml" ? temp.File(arg) : arg)])).ShouldSucceed();

        Assert.Equal(["apply", "-f", "hello-flink.yaml"], commands[0]);
        await RunAsync(commands[0]);
        var first = await CurrentAsync(host, 1, "instance #1 runs in environment default");
        Assert.Equal(JobState.Running, first.Instance.JobState);

        Assert.Equal("get", commands[1][0]); // the watch: nothing to assert but that it is a read
        await RunAsync([.. commands[1].Where(arg => arg != "-w"), "-o", "name"]);

        Assert.Contains("""{"spec":{"job":{"parallelism":3}}}""", commands[2]);
        await RunAsync(commands[2]);
        var upgraded = await CurrentAsync(host, 2, "the upgrade runs instance #2");
        var upgradedCluster = Assert.Single(upgraded.Clusters);
        Assert.DoesNotContain(first.Clusters, c => c.Uid == upgradedCluster.Uid);

        Assert.Contains("""{"spec":{"job":{"upgradeMode":"savepoint"}}}""", commands[3]);
        await RunAsync(commands[3]);
        var inPlace = await CurrentAsync(host, 3, "the ignored change hands the running cluster to instance #3");
        Assert.Contains(inPlace.Clusters, c => c.Uid == upgradedCluster.Uid);

        Assert.Contains("""{"spec":{"job":{"state":"suspended"}}}""", commands[4]);
        await RunAsync(commands[4]);
        var stopped = await Eventually.ValueAsync(
            () => InstanceAsync(host, 3),
            instance => instance?.Instance.Stop == InstanceStop.Suspend,
            "instance #3 is stopped by the suspend");
        Assert.Equal(JobState.Finished, stopped!.Instance.JobState);
        Assert.NotNull(stopped.Instance.StopSavepointPath);
        var suspended = await InstanceAsync(host, 4);
        Assert.NotNull(suspended);
        Assert.Empty(suspended.Clusters);

        Assert.Equal(["delete", "flinkdeployment", "hello-flink"], commands[5]);
        await RunAsync(commands[5]);
        await Eventually.TrueAsync(
            async () => (await host.Queries.GetApplicationAsync(HelloFlink, CancellationToken.None))?.Summary.ObjectDeleted == true,
            "the application is marked deleted, its history kept");
    }

    private static async Task<InstanceDetailView> CurrentAsync(DashboardHost host, int sequence, string what) =>
        (await Eventually.ValueAsync(
            async () =>
            {
                var application = await host.Queries.GetApplicationAsync(HelloFlink, CancellationToken.None);
                var current = application?.Summary.CurrentInstance;
                return current?.Sequence == sequence && application!.Summary.JobState == JobState.Running
                    ? await host.Queries.GetInstanceAsync(HelloFlink, current.Uid, CancellationToken.None)
                    : null;
            },
            instance => instance is not null,
            what))!;

    private static async Task<InstanceDetailView?> InstanceAsync(DashboardHost host, int sequence)
    {
        var page = await host.Queries.ListInstancesAsync(HelloFlink, new InstanceListQuery { PageSize = 50 }, CancellationToken.None);
        var uid = page?.Items.FirstOrDefault(i => i.Sequence == sequence)?.Uid;
        return uid is null ? null : await host.Queries.GetInstanceAsync(HelloFlink, uid, CancellationToken.None);
    }

    /// <summary>The YAML block and the kubectl commands (arguments, without "kubectl" and comments) of the README section.</summary>
    private static (string Yaml, List<List<string>> Commands) ReadWalkThrough()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var section = readme[readme.IndexOf("## Try it with kubectl", StringComparison.Ordinal)..];
        var yaml = FencedBlock("yaml").Match(section);
        var shell = FencedBlock("sh").Match(section);
        Assert.True(yaml.Success && shell.Success, "the README's kubectl section lost its yaml or sh block");
        var commands = shell.Groups[1].Value.Split('\n')
            .Select(line => line.Split(" #")[0].Trim())
            .Where(line => line.StartsWith("kubectl ", StringComparison.Ordinal))
            .Select(line => Argument().Matches(line["kubectl ".Length..]).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Value).ToList())
            .ToList();
        return (yaml.Groups[1].Value, commands);
    }

    private static Regex FencedBlock(string language) => new("```" + language + "\n(.*?)```", RegexOptions.Singleline);

    [GeneratedRegex("'([^']*)'|\\S+")]
    private static partial Regex Argument();
}
