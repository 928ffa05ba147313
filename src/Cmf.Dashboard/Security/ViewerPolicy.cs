using Cmf.Core.Configuration;
using Microsoft.AspNetCore.Authorization;

namespace Cmf.Dashboard.Security;

/// <summary>
/// Who may view: anyone when sign-in is off; with a token, whoever presented it; with OpenID Connect, a signed-in user
/// carrying <c>Cmf:Auth:OpenIdConnect:RequiredClaimType</c> (with <c>RequiredClaimValue</c> when that is set).
/// Pages, embeds, both APIs and the hub all require this one policy.
/// </summary>
public static class ViewerPolicy
{
    public const string Name = "Viewer";

    public static AuthorizationPolicy For(AuthOptions auth)
    {
        ArgumentNullException.ThrowIfNull(auth);
        var policy = new AuthorizationPolicyBuilder();
        if (auth.Mode == AuthMode.Unsecured)
        {
            return policy.RequireAssertion(_ => true).Build();
        }
        policy.RequireAuthenticatedUser();
        var oidc = auth.OpenIdConnect;
        if (auth.Mode == AuthMode.OpenIdConnect && !string.IsNullOrWhiteSpace(oidc.RequiredClaimType))
        {
            if (string.IsNullOrWhiteSpace(oidc.RequiredClaimValue))
            {
                policy.RequireClaim(oidc.RequiredClaimType);
            }
            else
            {
                policy.RequireClaim(oidc.RequiredClaimType, oidc.RequiredClaimValue);
            }
        }
        return policy.Build();
    }
}
