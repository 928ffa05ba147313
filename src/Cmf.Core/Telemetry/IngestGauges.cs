namespace Cmf.Core.Telemetry;

/// <summary>The ingest pipeline's figures that <see cref="CmfMetrics"/> reports when a scrape asks.</summary>
public interface IIngestGauges
{
    /// <summary>Signals waiting to be applied.</summary>
    int QueuedSignals { get; }

    /// <summary>Applications the store holds, as of the last commit.</summary>
    int StoredApplications { get; }

    /// <summary>Retained instances the store holds, as of the last commit.</summary>
    int StoredInstances { get; }
}
