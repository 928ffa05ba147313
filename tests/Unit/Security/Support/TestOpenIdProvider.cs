using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cmf.UnitTests.Security.Support;

/// <summary>
/// A minimal OpenID provider on 127.0.0.1: discovery, JWKS with an RSA key, an authorize endpoint that signs in one test
/// user at once (authorization code, PKCE S256) and a token endpoint that issues RS256 id and access tokens. Enough for
/// ASP.NET Core's real OpenIdConnect and JwtBearer handlers to run end to end.
/// </summary>
public sealed class TestOpenIdProvider : IAsyncDisposable
{
    public const string ClientId = "cmf-dashboard";
    public const string ClientSecret = "test-client-secret";

    /// <summary>How long the tokens the provider issues stay valid.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(5);
    private const string KeyId = "test-key-1";

    private readonly WebApplication _app;
    private readonly RSA _key = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, PendingCode> _codes = new(StringComparer.Ordinal);
    private int _signOuts;

    private TestOpenIdProvider(WebApplication app, IReadOnlyDictionary<string, string> userClaims)
    {
        _app = app;
        UserClaims = userClaims;
    }

    public string Authority { get; private set; } = "";

    /// <summary>The claims of the user the authorize endpoint signs in (besides sub, iss, aud, times and nonce); a test may change them.</summary>
    public IReadOnlyDictionary<string, string> UserClaims { get; set; }

    /// <summary>
    /// The clock of token expiry, so a test can expire tokens with the dashboard's fake clock; issue times stay real,
    /// since the handlers check them against the real clock.
    /// </summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>How many times a client sent the browser to the end_session_endpoint.</summary>
    public int SignOuts => _signOuts;

    public static async Task<TestOpenIdProvider> StartAsync(IReadOnlyDictionary<string, string> userClaims)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var provider = new TestOpenIdProvider(app, userClaims);
        app.MapGet("/.well-known/openid-configuration", provider.Discovery);
        app.MapGet("/jwks", provider.Keys);
        app.MapGet("/authorize", provider.Authorize);
        app.MapPost("/token", provider.TokenAsync);
        app.MapGet("/end-session", provider.EndSession);
        await app.StartAsync();
        provider.Authority = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return provider;
    }

    /// <summary>
    /// A token as the provider would issue it, for API calls: valid for <paramref name="lifetime"/> (5 minutes by default;
    /// negative for one that has expired); <paramref name="signingKey"/> forges one.
    /// </summary>
    public string IssueToken(IReadOnlyDictionary<string, string> claims, string audience = ClientId, string? nonce = null, RSA? signingKey = null, TimeSpan? lifetime = null)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var exp = Clock.GetUtcNow().ToUnixTimeSeconds() + (long)(lifetime ?? TokenLifetime).TotalSeconds;
        var issued = Math.Min(now, exp - 60);
        var payload = new JsonObject
        {
            ["iss"] = Authority,
            ["sub"] = claims.GetValueOrDefault("sub", "alice"),
            ["aud"] = audience,
            ["iat"] = issued,
            ["nbf"] = issued,
            ["exp"] = exp,
        };
        if (nonce is not null)
        {
            payload["nonce"] = nonce;
        }
        foreach (var (type, value) in claims)
        {
            payload[type] = value;
        }
        var header = new JsonObject { ["alg"] = "RS256", ["kid"] = KeyId, ["typ"] = "JWT" };
        var signed = Base64Url(header.ToJsonString()) + "." + Base64Url(payload.ToJsonString());
        var signature = (signingKey ?? _key).SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signed + "." + WebEncoders.Base64UrlEncode(signature);
    }

    /// <summary>A dashboard in OpenIdConnect mode against this provider; viewers must carry groups=flink-viewers.</summary>
    public Dictionary<string, string?> DashboardSettings() => new()
    {
        ["Cmf:Auth:Mode"] = "OpenIdConnect",
        ["Cmf:Auth:OpenIdConnect:Authority"] = Authority,
        ["Cmf:Auth:OpenIdConnect:ClientId"] = ClientId,
        ["Cmf:Auth:OpenIdConnect:ClientSecret"] = ClientSecret,
        ["Cmf:Auth:OpenIdConnect:RequiredClaimType"] = "groups",
        ["Cmf:Auth:OpenIdConnect:RequiredClaimValue"] = "flink-viewers",
        ["Cmf:Auth:OpenIdConnect:RequireHttpsMetadata"] = "false",
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Dispose();
    }

    private IResult Discovery() => Results.Json(new JsonObject
    {
        ["issuer"] = Authority,
        ["authorization_endpoint"] = Authority + "/authorize",
        ["token_endpoint"] = Authority + "/token",
        ["jwks_uri"] = Authority + "/jwks",
        ["response_types_supported"] = new JsonArray("code"),
        ["response_modes_supported"] = new JsonArray("query"),
        ["subject_types_supported"] = new JsonArray("public"),
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["code_challenge_methods_supported"] = new JsonArray("S256"),
        ["end_session_endpoint"] = Authority + "/end-session",
        ["scopes_supported"] = new JsonArray("openid", "profile"),
    });

    private IResult Keys()
    {
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        return Results.Json(new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["alg"] = "RS256",
                ["kid"] = KeyId,
                ["n"] = WebEncoders.Base64UrlEncode(parameters.Modulus!),
                ["e"] = WebEncoders.Base64UrlEncode(parameters.Exponent!),
            }),
        });
    }

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query;
        if (query["client_id"] != ClientId || query["response_type"] != "code" || query["code_challenge_method"] != "S256")
        {
            return Results.BadRequest("unsupported authorization request");
        }
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = new PendingCode(query["redirect_uri"].ToString(), query["nonce"].ToString(), query["code_challenge"].ToString());
        var redirect = QueryHelpers.AddQueryString(query["redirect_uri"].ToString(), new Dictionary<string, string?>
        {
            ["code"] = code,
            ["state"] = query["state"].ToString(),
        });
        return Results.Redirect(redirect);
    }

    // RP-initiated logout: the provider forgets the user and sends the browser back where the client asked.
    private IResult EndSession(HttpRequest request)
    {
        var query = request.Query;
        if (query["client_id"] != ClientId || string.IsNullOrEmpty(query["post_logout_redirect_uri"]))
        {
            return Results.BadRequest("end_session needs client_id and post_logout_redirect_uri");
        }
        Interlocked.Increment(ref _signOuts);
        return Results.Redirect(QueryHelpers.AddQueryString(query["post_logout_redirect_uri"].ToString(), "state", query["state"].ToString()));
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "authorization_code" || form["client_id"] != ClientId || form["client_secret"] != ClientSecret
            || !_codes.TryRemove(form["code"].ToString(), out var pending) || pending.RedirectUri != form["redirect_uri"]
            || Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != pending.CodeChallenge)
        {
            return Results.Json(new JsonObject { ["error"] = "invalid_grant" }, statusCode: StatusCodes.Status400BadRequest);
        }
        return Results.Json(new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)TokenLifetime.TotalSeconds,
            ["access_token"] = IssueToken(UserClaims),
            ["id_token"] = IssueToken(UserClaims, nonce: pending.Nonce),
        });
    }

    private static string Base64Url(string text) => Base64Url(Encoding.UTF8.GetBytes(text));

    private static string Base64Url(byte[] bytes) => WebEncoders.Base64UrlEncode(bytes);

    private sealed record PendingCode(string RedirectUri, string Nonce, string CodeChallenge);
}
