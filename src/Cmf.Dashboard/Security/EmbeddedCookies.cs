namespace Cmf.Dashboard.Security;

/// <summary>
/// Browsers drop a SameSite=None cookie that is not Secure, so on plain HTTP the sign-in cookie falls back to Lax
/// (a portal on another site then cannot keep its viewer signed in; same-site portals still can).
/// </summary>
internal static class EmbeddedCookies
{
    public static void Configure(CookiePolicyOptions options)
    {
        options.MinimumSameSitePolicy = SameSiteMode.Unspecified;
        options.OnAppendCookie = cookie =>
        {
            if (cookie.CookieOptions.SameSite == SameSiteMode.None && !cookie.Context.Request.IsHttps)
            {
                cookie.CookieOptions.SameSite = SameSiteMode.Lax;
            }
        };
    }
}
