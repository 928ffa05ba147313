using Cmf.Core.Model;

namespace Cmf.Dashboard.Api;

/// <summary>Operator states as they travel: the operator's spelling (<c>ROLLING_BACK</c>), absent when unknown.</summary>
public static class WireNames
{
    public static string? Of<T>(T? value) where T : struct, Enum => value is { } v ? FlinkStateNames.ToWire(v) : null;
}
