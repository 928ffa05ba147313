namespace Cmf.Bench;

/// <summary>The clock both sides of a latency share: wall-clock Unix milliseconds (fractional), as the browser's <c>performance.timeOrigin + performance.now()</c>.</summary>
public static class WallClock
{
    public static double NowUnixMilliseconds => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;
}
