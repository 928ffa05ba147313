using Cmf.Dashboard.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Cmf.Dashboard.Components.Layout;

public partial class SignOutButton
{
    private bool _signedIn;
    private string? _title;

    // The session's state provider exists only with sign-in on (Token or OpenIdConnect mode).
    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        if (Services.GetService<AuthenticationStateProvider>() is not SessionAuthenticationStateProvider sessions)
        {
            return;
        }
        var user = (await sessions.GetAuthenticationStateAsync()).User;
        _signedIn = user.Identity?.IsAuthenticated == true;
        _title = user.HasClaim(c => c.Type == AccessTokens.VersionClaim) ? "Signed in with the access token"
            : user.Identity?.Name is { Length: > 0 } name ? $"Signed in as {name}"
            : null;
    }
}
