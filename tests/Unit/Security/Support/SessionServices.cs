using System.Security.Claims;
using Cmf.Core.Configuration;
using Cmf.Dashboard.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cmf.UnitTests.Security.Support;

/// <summary>
/// The session services of Token mode without a server: a one-hour session limit, a fake clock and a configuration
/// that can be reloaded with another token.
/// </summary>
public sealed class SessionServices : IDisposable
{
    public const string Token = "first-access-token-q8RZ0vN3xWb5Lk2T";
    public const int SessionHours = 1;

    private readonly IConfigurationRoot _configuration;
    private readonly ServiceProvider _services;

    public SessionServices()
    {
        _configuration = new ConfigurationBuilder().AddInMemoryCollection(TokenMode.Settings(Token, SessionHours)).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCmfOptions(_configuration);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<AccessTokens>();
        services.AddSingleton<SignedOutSessions>();
        services.AddSingleton<SessionRules>();
        services.AddScoped<SessionAuthenticationStateProvider>();
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public SessionRules Rules => _services.GetRequiredService<SessionRules>();

    /// <summary>A new scope, as each circuit has.</summary>
    public IServiceProvider Scope() => _services.CreateScope().ServiceProvider;

    /// <summary>A viewer who has just signed in with the token, as the sign-in cookie carries them.</summary>
    public ClaimsPrincipal SignedInViewer()
    {
        var viewer = _services.GetRequiredService<AccessTokens>().Principal(AuthSchemes.Cookie);
        Rules.Stamp((ClaimsIdentity)viewer.Identity!);
        return viewer;
    }

    public void RotateToken(string token)
    {
        _configuration["Cmf:Auth:Token"] = token;
        _configuration.Reload();
    }

    public void Dispose() => _services.Dispose();
}
