using System.Text.Json.Nodes;
using Cmf.Core.Model;

namespace Cmf.Dashboard.Hosting;

/// <summary>
/// The environments of the built-in demo when none are configured: the simulator's namespaces, with prod carrying the
/// defaults CMF merged into its applications' specs, which the instance page marks. Other namespaces become
/// environments named after them.
/// </summary>
internal static class DemoEnvironments
{
    public static IReadOnlyList<EnvironmentInfo> All { get; } =
    [
        new("prod", "prod", JsonNode.Parse("""
            {
              "metadata": { "labels": { "team": "streaming" } },
              "spec": {
                "flinkConfiguration": {
                  "execution.checkpointing.interval": "60s",
                  "restart-strategy.type": "exponential-delay"
                },
                "serviceAccount": "flink"
              }
            }
            """)!.AsObject()),
        new("staging", "staging"),
    ];
}
