namespace Cmf.Core.Configuration;

/// <summary><c>Cmf:Security</c>: which pages may open the live connections, and which host names the dashboard answers to.</summary>
public sealed class SecurityOptions
{
    /// <summary>Origins besides the dashboard's own whose pages may open Blazor's circuit and the status hub.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>
    /// Host names the dashboard answers to (<c>dashboard.example.com</c>, <c>*.example.com</c>, <c>*</c>). Empty means
    /// any with sign-in on, and only loopback names with sign-in off; with sign-in off the list adds to them.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];
}
