using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Cmf.Dashboard.Components.Layout;
using Cmf.Dashboard.Security;
using Cmf.UnitTests.Security.Support;
using Cmf.UnitTests.Simulator.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Cmf.UnitTests.Security;

/// <summary>
/// A Blazor circuit took its viewer from the cookie when it opened and never sees the cookie again: its viewer must
/// become anonymous when the session ends (age, a new access token, sign-out), and the page must drop its content and
/// reload: into the cookie check and the sign-in, or to "signed out" when the viewer signed out.
/// </summary>
public sealed class CircuitSessionTests : IDisposable
{
    private readonly SessionServices _sessions = new();

    public void Dispose() => _sessions.Dispose();

    [Fact]
    public async Task The_viewer_of_a_circuit_becomes_anonymous_when_the_session_reaches_session_hours()
    {
        using var circuit = OpenCircuit(out var ended);

        _sessions.Clock.Advance(TimeSpan.FromMinutes(59));
        var before = (await circuit.GetAuthenticationStateAsync()).User;
        _sessions.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        await ended.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(before.Identity!.IsAuthenticated);
        Assert.False((await circuit.GetAuthenticationStateAsync()).User.Identity!.IsAuthenticated);
        Assert.False(circuit.Ended!.Value.WasSignedOut);
    }

    [Fact]
    public async Task The_viewer_of_a_circuit_becomes_anonymous_when_the_access_token_changes()
    {
        using var circuit = OpenCircuit(out var ended);

        _sessions.RotateToken("second-access-token-Hc7Jm1Pd4Fg6Se9U");
        await ended.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False((await circuit.GetAuthenticationStateAsync()).User.Identity!.IsAuthenticated);
    }

    [Fact]
    public async Task The_viewer_of_a_circuit_becomes_anonymous_when_the_session_signs_out()
    {
        using var circuit = OpenCircuit(out var ended);
        var viewer = (await circuit.GetAuthenticationStateAsync()).User;

        _sessions.Rules.SignOut(viewer);
        await ended.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False((await circuit.GetAuthenticationStateAsync()).User.Identity!.IsAuthenticated);
        Assert.True(circuit.Ended!.Value.WasSignedOut);
    }

    [Fact]
    public async Task An_expired_page_drops_its_content_and_reloads_its_address_to_sign_in_again()
    {
        using var bunit = new BunitContext();
        var page = RenderPage(bunit, out _);

        _sessions.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        page.WaitForAssertion(() => Assert.Equal("Your sign-in has ended", page.Find("h1").TextContent), TimeSpan.FromSeconds(30));
        Assert.Equal("http://localhost/applications?page=2", await ReloadAsync(bunit));
    }

    [Fact]
    public async Task A_page_whose_session_signed_out_in_another_tab_goes_to_signed_out()
    {
        using var bunit = new BunitContext();
        var page = RenderPage(bunit, out var viewer);

        _sessions.Rules.SignOut(viewer);

        page.WaitForAssertion(() => Assert.Equal("Your sign-in has ended", page.Find("h1").TextContent), TimeSpan.FromSeconds(30));
        Assert.Equal("/signed-out", await ReloadAsync(bunit));
    }

    // A live page of the circuit at /applications?page=2.
    private IRenderedComponent<SessionBoundary> RenderPage(BunitContext bunit, out ClaimsPrincipal viewer)
    {
        var circuit = OpenCircuit(out _);
        viewer = circuit.GetAuthenticationStateAsync().Result.User;
        bunit.Services.AddSingleton<AuthenticationStateProvider>(circuit);
        bunit.Services.GetRequiredService<NavigationManager>().NavigateTo("/applications?page=2");
        var page = bunit.Render<SessionBoundary>(p => p.AddChildContent("<h1>Applications</h1>"));
        Assert.Equal("Applications", page.Find("h1").TextContent);
        return page;
    }

    // The page drops its content before it asks for the reload (both on the renderer's thread), so a test that saw the
    // content go may look before the reload is asked: wait for it, then expect exactly one.
    private static async Task<string> ReloadAsync(BunitContext bunit)
    {
        var history = bunit.Services.GetRequiredService<BunitNavigationManager>().History;
        await Eventually.TrueAsync(() => history.ToArray().Any(h => h.Options.ForceLoad), "the page asks for a reload");
        return Assert.Single(history.ToArray(), h => h.Options.ForceLoad).Uri;
    }

    // A circuit as Blazor opens one: its state provider is given the viewer of the cookie.
    private SessionAuthenticationStateProvider OpenCircuit(out Task ended)
    {
        var circuit = _sessions.Scope().GetRequiredService<SessionAuthenticationStateProvider>();
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        circuit.SessionEnded += _ => signal.TrySetResult();
        circuit.SetAuthenticationState(Task.FromResult(new AuthenticationState(_sessions.SignedInViewer())));
        ended = signal.Task;
        return circuit;
    }
}
