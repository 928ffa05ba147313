using Microsoft.Net.Http.Headers;

namespace Cmf.Dashboard.Security;

/// <summary>
/// Adds the security headers to every response as it starts: nosniff, no referrer, the CSP, and X-Frame-Options only
/// while no portal may frame us. Blazor appends its own <c>frame-ancestors</c> policy to page responses (set from the
/// same <see cref="EmbeddingPolicy"/>); browsers enforce both policies, which agree.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next, EmbeddingPolicy embedding)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.Append(HeaderNames.ContentSecurityPolicy, ContentSecurityPolicy.For(embedding, context.GetEndpoint(), context.RequestServices.GetService<FormTargets>()));
            if (embedding.AllowsPortals)
            {
                headers.Remove(HeaderNames.XFrameOptions);
            }
            else
            {
                headers.XFrameOptions = "SAMEORIGIN";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}
