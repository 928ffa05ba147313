namespace Cmf.Simulator.GroundTruth;

/// <summary>A FlinkDeployment got a new spec: created (generation 1) or changed (generation bumped).</summary>
public sealed record SpecChangeRecord(
    string Namespace,
    string Name,
    string ObjectUid,
    long Generation,
    string SpecJson,
    DateTimeOffset Time,
    long ResourceVersion);
