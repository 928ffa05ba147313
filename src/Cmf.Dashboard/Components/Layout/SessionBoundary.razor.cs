using Cmf.Dashboard.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Cmf.Dashboard.Components.Layout;

public partial class SessionBoundary : IDisposable
{
    private SessionAuthenticationStateProvider? _sessions;
    private bool _ended;

    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    // Absent without sign-in (Unsecured mode) and in component tests: then there is no session to end.
    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    protected override void OnInitialized()
    {
        _sessions = Services.GetService<AuthenticationStateProvider>() as SessionAuthenticationStateProvider;
        if (_sessions is null)
        {
            return;
        }
        _sessions.SessionEnded += OnSessionEnded;
        _ended = _sessions.Ended is not null;
    }

    public void Dispose()
    {
        if (_sessions is not null)
        {
            _sessions.SessionEnded -= OnSessionEnded;
        }
    }

    // Signed out (in this tab or another): every page of the session says so, and the tab whose form signed out
    // lands there either way. Otherwise the reload meets the cookie check and signs in again, back to this address.
    private void OnSessionEnded(SessionStatus status) => _ = InvokeAsync(() =>
    {
        _ended = true;
        StateHasChanged();
        Navigation.NavigateTo(status.WasSignedOut ? DashboardUrls.SignedOutPath : Navigation.Uri, forceLoad: true);
    });
}
