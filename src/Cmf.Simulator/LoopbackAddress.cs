using System.Net;
using System.Net.Sockets;

namespace Cmf.Simulator;

/// <summary>
/// Where the simulator may listen. It answers every request without authentication (any token is accepted), so it
/// listens on loopback only, where no other machine can reach it.
/// </summary>
public static class LoopbackAddress
{
    /// <summary>The address of <paramref name="host"/>: one in 127.0.0.0/8, <c>::1</c> or <c>localhost</c>; anything else is refused.</summary>
    /// <exception cref="FormatException">The host is not a loopback address.</exception>
    public static IPAddress Parse(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }
        if (IPAddress.TryParse(host, out var address) && IsLoopback(address))
        {
            return address;
        }
        throw new FormatException(
            $"The simulator's host must be a loopback address (127.0.0.0/8, ::1 or localhost), not \"{host}\": "
            + "it answers every request without authentication, so it listens only where no other machine can reach it.");
    }

    /// <summary>Whether a request's Host (name or address, without the port) names this machine's loopback.</summary>
    public static bool IsLoopbackName(string host)
    {
        var name = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(name, out var address) && IsLoopback(address));
    }

    private static bool IsLoopback(IPAddress address) => address.AddressFamily switch
    {
        AddressFamily.InterNetwork => address.GetAddressBytes()[0] == 127,
        AddressFamily.InterNetworkV6 => address.Equals(IPAddress.IPv6Loopback),
        _ => false,
    };
}
