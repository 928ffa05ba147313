namespace Cmf.Simulator.GroundTruth;

/// <summary>A FlinkDeployment object left the cluster (after the operator's cleanup).</summary>
public sealed record DeletionRecord(string Namespace, string Name, string ObjectUid, DateTimeOffset Time, long ResourceVersion);
