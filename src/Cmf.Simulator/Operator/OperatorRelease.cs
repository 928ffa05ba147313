namespace Cmf.Simulator.Operator;

/// <summary>The Flink Kubernetes Operator release whose status shapes the simulator writes.</summary>
public enum OperatorRelease
{
    /// <summary>1.15 (commit 6e9caeb): no generation in resource_metadata, free-form flinkConfiguration, a Running condition.</summary>
    V1_15,

    /// <summary>1.9: resource_metadata.metadata.generation, flinkConfiguration as a map of strings, no conditions.</summary>
    V1_9,
}
