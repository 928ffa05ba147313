using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;

namespace Cmf.Dashboard.Security;

/// <summary>
/// Sign-in attempts (<c>POST /login</c>) per client address: <see cref="AttemptsPerMinute"/> a minute, then 429 with
/// Retry-After, so the token cannot be guessed at speed. Behind a proxy every client has the proxy's address unless
/// forwarded headers are trusted for it, and then they share one allowance.
/// </summary>
internal static class SignInRateLimit
{
    public const string Policy = "sign-in";
    public const int AttemptsPerMinute = 5;

    public static void Configure(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = AttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        options.OnRejected = (rejected, _) =>
        {
            var context = rejected.HttpContext;
            var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            context.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
            context.Response.Headers.CacheControl = "no-store";
            return new ValueTask(SignInPages.Refused(
                "Too many attempts",
                $"Too many sign-in attempts from your address ({AttemptsPerMinute} a minute). Try again in {seconds} seconds.",
                StatusCodes.Status429TooManyRequests).ExecuteAsync(context));
        };
    }
}
