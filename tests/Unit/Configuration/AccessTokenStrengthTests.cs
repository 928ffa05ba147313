using Cmf.Core.Configuration;

namespace Cmf.UnitTests.Configuration;

public sealed class AccessTokenStrengthTests
{
    [Theory]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "below the minimum")]
    [InlineData("9876543210zyxwvutsrqponm", "below the minimum")]
    [InlineData("abababababababababababababababab", "below the minimum")]
    [InlineData("Xk9$Xk9$Xk9$Xk9$Xk9$Xk9$", "below the minimum")]
    [InlineData("abcdefghijklmnopqrstuvwxyz", "below the minimum")]
    [InlineData("changeme-changeme-please", "placeholder 'changeme'")]
    [InlineData("MyPassword-For-The-Dashboard", "placeholder 'password'")]
    [InlineData("short-1X", "at least 16 characters")]
    public void An_obviously_weak_token_is_refused_with_the_reason(string token, string reason)
    {
        var weakness = AccessTokenStrength.Weakness(token);

        Assert.NotNull(weakness);
        Assert.Contains(reason, weakness, StringComparison.Ordinal);
        Assert.DoesNotContain(token, weakness, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("q8RZ0vN3xWb5Lk2TyHc7Jm1Pd4Fg6Se9UaOiEr")]
    [InlineData("lM1fTQw4l0oV7Zb6c1n3Gq9r+Kx2sJd8YhE5pA0uI7w=")]
    [InlineData("3f9c41e07ab25d68c4e1f0a9b7d3c5e2")]
    [InlineData("a-long-shared-access-token-for-tests")]
    public void A_generated_or_long_token_is_accepted(string token)
    {
        Assert.Null(AccessTokenStrength.Weakness(token));
    }

    [Fact]
    public void A_base64_token_of_32_random_bytes_is_estimated_above_the_recommendation()
    {
        Assert.True(AccessTokenStrength.EstimateBits("lM1fTQw4l0oV7Zb6c1n3Gq9r+Kx2sJd8YhE5pA0uI7w=") >= AccessTokenStrength.RecommendedBits);
    }
}
