namespace Cmf.Core.Specs;

/// <summary>
/// What kinds of field an instance's spec changed against the previous instance's, as the changes page filters them.
/// Stored as an integer (bit flags), so a filter is one bitwise test on the instance row.
/// </summary>
[Flags]
public enum SpecChangeKinds
{
    None = 0,

    /// <summary><c>image</c>.</summary>
    Image = 1,

    /// <summary><c>flinkVersion</c>.</summary>
    FlinkVersion = 2,

    /// <summary><c>job.parallelism</c>, <c>taskManager.replicas</c>, and the configuration keys <c>parallelism.default</c> and <c>pipeline.jobvertex-parallelism-overrides</c>.</summary>
    Parallelism = 4,

    /// <summary><c>jobManager.resource</c> and <c>taskManager.resource</c> (cpu, memory, ephemeral storage).</summary>
    Resources = 8,

    /// <summary>Any <c>flinkConfiguration</c> key; the keys themselves are kept for the key filter.</summary>
    Configuration = 16,

    /// <summary>Anything else (pod templates, job arguments, upgrade mode, ...).</summary>
    Other = 32,
}
