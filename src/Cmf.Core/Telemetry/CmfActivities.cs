using System.Diagnostics;

namespace Cmf.Core.Telemetry;

/// <summary>The dashboard's spans: one per committed ingest batch.</summary>
public static class CmfActivities
{
    public const string SourceName = "Cmf.Dashboard";

    // An ActivitySource is process-wide by design: listeners (the OTLP exporter) subscribe by name.
    public static readonly ActivitySource Source = new(SourceName);
}
