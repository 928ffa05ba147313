namespace Cmf.Dashboard.Security;

/// <summary>
/// Where a form on our pages may lead (CSP <c>form-action</c>): this origin, and in OpenIdConnect mode the identity
/// provider's, since browsers hold a form to the policy through its redirects and sign-out is redirected there.
/// </summary>
public sealed record FormTargets(IReadOnlyList<string> Origins)
{
    public static FormTargets SameOriginOnly { get; } = new([]);

    /// <summary>The CSP <c>form-action</c> source list.</summary>
    public string FormAction => string.Join(' ', ["'self'", .. Origins]);

    public static FormTargets WithIdentityProvider(string? authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri) ? new FormTargets([uri.GetLeftPart(UriPartial.Authority)]) : SameOriginOnly;
}
