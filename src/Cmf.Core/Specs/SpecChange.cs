namespace Cmf.Core.Specs;

/// <summary>
/// What an instance's effective spec changed against the previous instance's: one line for people
/// ("image flink:1.20.1 -> 1.20.2, parallelism 3 -> 4"), the kinds of field for filters, and the
/// <c>flinkConfiguration</c> keys that changed. Secrets read "secret changed", never a value.
/// </summary>
public sealed record SpecChange(string Summary, SpecChangeKinds Kinds, IReadOnlyList<string> ConfigurationKeys)
{
    /// <summary>The summary is cut to this many characters (with "…").</summary>
    public const int MaxSummaryLength = 300;

    /// <summary>At most this many configuration keys are kept per instance, each at most <see cref="MaxKeyLength"/> characters.</summary>
    public const int MaxConfigurationKeys = 32;

    public const int MaxKeyLength = 120;

    /// <summary>The first instance of an application: nothing to compare with.</summary>
    public static SpecChange FirstInstance { get; } = new("first instance", SpecChangeKinds.None, []);

    /// <summary>The previous instance's spec is no longer kept (pruned by retention) or was never stored.</summary>
    public static SpecChange PreviousUnknown { get; } = new("previous spec not kept", SpecChangeKinds.None, []);

    /// <summary>The two specs are equal (e.g. a re-created object with the same spec).</summary>
    public static SpecChange NoChange { get; } = new("no spec change", SpecChangeKinds.None, []);
}
