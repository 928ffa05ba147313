namespace Cmf.UnitTests.Dashboard;

/// <summary>Builds canonical-looking FlinkDeployment YAML with the few values a test changes.</summary>
internal sealed record SpecYaml
{
    public const string OldToken = "<sealed:0123456789abcdef>";
    public const string NewToken = "<sealed:fedcba9876543210>";

    public string InstanceUid { get; init; } = "11111111-1111-1111-1111-111111111111";

    public string Parallelism { get; init; } = "2";

    public string PasswordToken { get; init; } = OldToken;

    public string Image { get; init; } = "flink:1.20";

    /// <summary>One <c>job.args</c> entry (on one line, as canonical YAML writes it); none when null.</summary>
    public string? Arg { get; init; }

    public string Build() => Arg is null
        ? Lines
        : Lines.Replace("    jarURI:", $"    args:\n    - {Arg}\n    jarURI:", StringComparison.Ordinal);

    private string Lines => $"""
        metadata:
          annotations:
            platform.confluent.io/cmf-fa-instance: {InstanceUid}
          labels:
            team: payments
        spec:
          flinkConfiguration:
            execution.checkpointing.interval: 10s
            s3.access-key: minio
            s3.secret-key: {PasswordToken}
            state.backend.type: rocksdb
            state.checkpoints.dir: s3://checkpoints/orders
            state.savepoints.dir: s3://savepoints/orders
          flinkVersion: v1_20
          image: {Image}
          job:
            jarURI: local:///opt/flink/usrlib/orders.jar
            parallelism: {Parallelism}
            upgradeMode: savepoint
          jobManager:
            resource:
              cpu: 1
              memory: 2048m
          serviceAccount: flink
          taskManager:
            resource:
              cpu: 2
              memory: 4096m
        """;
}
