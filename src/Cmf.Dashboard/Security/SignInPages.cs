using System.Text.Encodings.Web;

namespace Cmf.Dashboard.Security;

/// <summary>
/// The few plain pages around a session, served outside Blazor (no script, so they work before sign-in and inside a
/// strict CSP): the token form, "signed out", and the answers to a refused form.
/// </summary>
internal static class SignInPages
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    /// <summary>The Token mode form; it POSTs the token, so the token never becomes part of an address.</summary>
    public static IResult TokenForm(string returnUrl, string? problem, int statusCode = StatusCodes.Status401Unauthorized) => Page(
        "Sign in",
        $"""
        <p>This dashboard needs its access token. Paste it below.</p>
        {Alert(problem)}
        <form method="post" action="{Html.Encode(DashboardUrls.LoginPath)}">
        <label>Access token <input type="password" name="{TokenLogin.TokenField}" autocomplete="off" required></label>
        <input type="hidden" name="{TokenLogin.ReturnUrlParameter}" value="{Html.Encode(returnUrl)}">
        <button type="submit">Sign in</button>
        </form>
        """,
        statusCode);

    public static IResult SignedOut() => Page(
        "Signed out",
        $"""<p>You are signed out of this dashboard.</p><p><a href="{Html.Encode(DashboardUrls.ApplicationsUrl())}">Sign in again</a></p>""",
        StatusCodes.Status200OK);

    public static IResult Refused(string title, string problem, int statusCode) => Page(
        title,
        $"""{Alert(problem)}<p><a href="{Html.Encode(DashboardUrls.ApplicationsUrl())}">Back to the dashboard</a></p>""",
        statusCode);

    private static string Alert(string? problem) => problem is null ? "" : $"<p role=\"alert\">{Html.Encode(problem)}</p>";

    private static IResult Page(string title, string body, int statusCode) => Results.Content(
        $"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>{Html.Encode(title)}: Flink Application Instances</title></head>
        <body>
        <main>
        <h1>{Html.Encode(title)}</h1>
        {body}
        </main>
        </body>
        </html>
        """,
        "text/html; charset=utf-8",
        statusCode: statusCode);
}
