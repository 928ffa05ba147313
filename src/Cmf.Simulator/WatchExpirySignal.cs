namespace Cmf.Simulator;

/// <summary>How a watch that resumes from an expired resource version is told so.</summary>
public enum WatchExpirySignal
{
    /// <summary>HTTP 200, then one ERROR event whose object is a Status with code 410 and reason Expired (what real API servers do).</summary>
    ErrorEvent,

    /// <summary>HTTP 410 with a Status body of reason Expired.</summary>
    HttpGone,
}
