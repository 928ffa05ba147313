using System.Globalization;

namespace Cmf.Bench;

/// <summary>The machine's 1-minute load average (first field of /proc/loadavg): how busy the cores were while a figure was taken.</summary>
public static class LoadAverage
{
    /// <summary>Null where /proc/loadavg does not exist or cannot be read.</summary>
    public static double? OneMinute()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg");
            var first = text.Split(' ', 2)[0];
            return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static string Describe(double? load) =>
        load is { } l ? l.ToString("0.00", CultureInfo.InvariantCulture) : "unknown";
}
