using System.Net;

namespace Cmf.Dashboard.Security;

/// <summary>Whether the addresses the server is bound to can be reached only from this machine.</summary>
public static class ListeningAddresses
{
    /// <summary>Loopback: 127.0.0.0/8, ::1, "localhost" and Unix sockets. A wildcard (*, +, 0.0.0.0, [::]) or any other name is not.</summary>
    public static bool IsLoopback(string address)
    {
        BindingAddress binding;
        try
        {
            binding = BindingAddress.Parse(address);
        }
        catch (FormatException)
        {
            return false;
        }
        if (binding.IsUnixPipe)
        {
            return true;
        }
        var host = binding.Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }

    public static IReadOnlyList<string> BeyondLoopback(IEnumerable<string> addresses) => [.. addresses.Where(a => !IsLoopback(a))];
}
