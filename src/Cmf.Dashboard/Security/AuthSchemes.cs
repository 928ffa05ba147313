namespace Cmf.Dashboard.Security;

/// <summary>The authentication schemes; <see cref="Dashboard"/> picks one per request (bearer header or browser cookie).</summary>
public static class AuthSchemes
{
    public const string Dashboard = "Dashboard";
    public const string Cookie = "Cookies";
    public const string AccessToken = "AccessToken";
    public const string OpenIdConnect = "OpenIdConnect";
    public const string JwtBearer = "Bearer";
}
