using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cmf.Core.Specs;

namespace Cmf.UnitTests.Specs;

public class SecretScrubberTests
{
    [Fact]
    public void A_known_secret_is_masked_wherever_it_appears()
    {
        var scrubber = new SecretScrubber(["hunter22"]);

        Assert.Equal("login as svc with ****** failed (******)", scrubber.Scrub("login as svc with hunter22 failed (hunter22)"));
    }

    [Fact]
    public void A_known_secret_escaped_inside_a_json_error_is_masked_and_the_json_stays_valid()
    {
        var scrubber = new SecretScrubber(["hunter\"22\\x"]);
        var error = AsJackson(new JsonObject { ["type"] = "ReconciliationException", ["message"] = "bad password hunter\"22\\x given" });

        var scrubbed = scrubber.Scrub(error);

        Assert.Equal("bad password ****** given", JsonNode.Parse(scrubbed)!["message"]!.GetValue<string>());
    }

    [Fact]
    public void A_secret_shape_is_masked_without_knowing_the_value()
    {
        const string Error = """{"type":"org.apache.flink.kubernetes.operator.exception.ReconciliationException","message":"Could not fetch https://ci:hunter22@host/app.jar","throwableList":[]}""";

        var scrubbed = SecretScrubber.PatternsOnly.Scrub(Error);

        Assert.Equal("Could not fetch https://ci:******@host/app.jar", JsonNode.Parse(scrubbed)!["message"]!.GetValue<string>());
    }

    [Fact]
    public void An_escaped_quoted_password_inside_a_json_error_is_masked_and_the_json_stays_valid()
    {
        var error = AsJackson(new JsonObject { ["message"] = "jaas: PlainLoginModule required username=\"svc\" password=\"hunter22\";" });

        var scrubbed = SecretScrubber.PatternsOnly.Scrub(error);

        Assert.Equal("jaas: PlainLoginModule required username=\"svc\" password=\"******\";", JsonNode.Parse(scrubbed)!["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("true")]
    public void A_known_value_too_short_or_trivial_to_mask_safely_is_left(string value)
    {
        var scrubber = new SecretScrubber([value]);

        Assert.Equal(0, scrubber.KnownCount);
        Assert.Equal($"flag {value} set", scrubber.Scrub($"flag {value} set"));
    }

    [Fact]
    public void Text_without_secrets_is_returned_as_it_is()
    {
        const string Text = "Savepoint failed: java.util.concurrent.TimeoutException";

        Assert.Same(Text, new SecretScrubber(["hunter22"]).Scrub(Text));
    }

    [Fact]
    public void A_scrubber_including_a_spec_masks_that_spec_secrets()
    {
        var spec = FlinkDeploymentBuilder.New().WithFlinkConfiguration("s3.secret-key", "older-secret-1").BuildSpec();

        var scrubber = SecretScrubber.PatternsOnly.Including([spec, null]);

        Assert.Equal("s3 refused ******", scrubber.Scrub("s3 refused older-secret-1"));
    }

    [Fact]
    public void A_scrubber_with_fingerprinted_tokens_masks_the_words_and_word_parts_that_have_those_tokens()
    {
        var scrubber = SecretScrubber.PatternsOnly.WithTokens([SecretMasker.Token("hunter22")]);

        Assert.Equal("auth ****** refused for svc@******/db", scrubber.Scrub("auth hunter22 refused for svc@hunter22/db"));
    }

    [Fact]
    public void Scrubbers_that_know_the_same_values_are_equal()
    {
        Assert.Equal(new SecretScrubber(["a-secret", "b-secret"]), new SecretScrubber(["b-secret", "a-secret", "b-secret"]));
        Assert.NotEqual(new SecretScrubber(["a-secret"]), new SecretScrubber(["b-secret"]));
    }

    // FKO's errors are written by Jackson, which escapes a quote as \" (System.Text.Json's default writes \u0022).
    private static string AsJackson(JsonObject error) =>
        error.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
