using Cmf.Dashboard.Model;

namespace Cmf.UnitTests.Dashboard;

public sealed class SpecTextTests
{
    private const string Fingerprinted = """{"job":{"parallelism":2},"flinkConfiguration":{"s3.secret-key":"<sealed:0123456789abcdef>"}}""";

    [Fact]
    public void The_fingerprinted_yaml_keeps_the_token_for_the_diff()
    {
        Assert.Contains("s3.secret-key: <sealed:0123456789abcdef>", SpecText.FingerprintedYaml(Fingerprinted), StringComparison.Ordinal);
    }

    [Fact]
    public void The_masked_yaml_shows_stars()
    {
        var yaml = SpecText.MaskedYaml(Fingerprinted);

        Assert.Contains("s3.secret-key: ******", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("sealed", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void No_spec_gives_no_yaml()
    {
        Assert.Null(SpecText.MaskedYaml(null));
    }
}
