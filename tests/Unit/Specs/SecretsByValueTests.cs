using System.Text.Json.Nodes;
using Cmf.Core.Specs;

namespace Cmf.UnitTests.Specs;

/// <summary>Secrets found by their shape inside strings (DESIGN 3.2 rule 10): only the secret part is fingerprinted.</summary>
public class SecretsByValueTests
{
    [Theory]
    [InlineData("https://ci:hunter22@artifacts.example.com/app.jar", "https://ci:******@artifacts.example.com/app.jar")]
    [InlineData("mongodb+srv://svc:hunter22@cluster0.example.net/orders", "mongodb+srv://svc:******@cluster0.example.net/orders")]
    [InlineData("redis://:hunter22@cache:6379/0", "redis://:******@cache:6379/0")]
    [InlineData("-Djavax.net.ssl.keyStorePassword=hunter22 -Dlog.level=INFO", "-Djavax.net.ssl.keyStorePassword=****** -Dlog.level=INFO")]
    [InlineData("-Dkafka.password=hunter22", "-Dkafka.password=******")]
    [InlineData("jdbc:postgresql://db:5432/app?user=svc&password=hunter22&ssl=true", "jdbc:postgresql://db:5432/app?user=svc&password=******&ssl=true")]
    [InlineData("https://api.example.com/v1?token=hunter22&page=2", "https://api.example.com/v1?token=******&page=2")]
    [InlineData("secret=hunter22", "secret=******")]
    [InlineData("abfss://ha@acct.dfs.core.windows.net/flink?sv=2022-11-02&sig=hunter22", "abfss://ha@acct.dfs.core.windows.net/flink?sv=2022-11-02&sig=******")]
    [InlineData("Server=db;Database=app;User Id=svc;Pwd=hunter22;", "Server=db;Database=app;User Id=svc;Pwd=******;")]
    [InlineData(
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"svc\" password=\"hunter 22\";",
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"svc\" password=\"******\";")]
    [InlineData(
        "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=aGVsbG8+d29ybGQ/=",
        "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=******")]
    [InlineData(
        "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=aGVsbG8gd29ybGQ=;EndpointSuffix=core.windows.net",
        "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=******;EndpointSuffix=core.windows.net")]
    [InlineData("Authorization:Basic dXNlcjpodW50ZXIyMg==,X-Trace:on", "Authorization:Basic ******,X-Trace:on")]
    [InlineData("Authorization: Bearer abc.def", "Authorization: Bearer ******")]
    [InlineData("curl -H 'X-Api-Key: k-123456' https://x", "curl -H 'X-Api-Key: ******' https://x")]
    [InlineData("use Basic dXNlcjpodW50ZXIyMg== here", "use Basic ****** here")]
    [InlineData("Bearer 0123456789abcdefghij", "Bearer ******")]
    [InlineData("flink run app.jar --db-pass hunter22 --input s3://in", "flink run app.jar --db-pass ****** --input s3://in")]
    [InlineData("--password='hunter 22'", "--password='******'")]
    [InlineData("{\"user\":\"svc\",\"password\":\"hunter22\"}", "{\"user\":\"svc\",\"password\":\"******\"}")]
    [InlineData("a:password=hunter22", "a:password=******")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----", "-----BEGIN PRIVATE KEY-----******-----END PRIVATE KEY-----")]
    [InlineData("token ghp_0123456789abcdefghijABCDEFGHIJ0123 used", "token ****** used")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2lnbmF0dXJlLXZhbHVl", "******")]
    public void Only_the_secret_part_of_a_string_is_fingerprinted(string text, string shown)
    {
        var fingerprintedText = FingerprintedString(text);

        Assert.Equal(shown, SecretMasker.Display(fingerprintedText));
        Assert.Contains("<sealed:", fingerprintedText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3://bucket/savepoints")]
    [InlineData("https://artifacts.example.com:8443/app.jar")]
    [InlineData("local:///opt/flink/examples/streaming/StateMachineExample.jar")]
    [InlineData("Basic authentication is enabled")]
    [InlineData("password: must be set")]
    [InlineData("--parallelism 4 --input s3://in")]
    [InlineData("-Dpipeline.name=orders -Dcompass.enabled=true")]
    [InlineData("the token expired")]
    [InlineData("--password-file /run/secrets/db")]
    [InlineData("SharedAccessKeyName=send")]
    [InlineData("registry.example.com/flink@sha256:0123456789abcdef")]
    public void A_string_without_a_secret_shape_is_kept(string text)
    {
        Assert.Equal(text, FingerprintedString(text));
    }

    [Fact]
    public void A_changed_secret_inside_a_string_gives_another_token_and_the_same_text_around_it()
    {
        var before = FingerprintedString("https://ci:hunter22@artifacts.example.com/app.jar");
        var after = FingerprintedString("https://ci:hunter23@artifacts.example.com/app.jar");

        Assert.NotEqual(before, after);
        Assert.Equal(SecretMasker.Display(before), SecretMasker.Display(after));
    }

    [Fact]
    public void Fingerprinting_a_string_twice_changes_nothing()
    {
        var once = FingerprintedString("-Dkafka.password=hunter22 https://ci:hunter22@host/app.jar Authorization: Basic dXNlcjpodW50ZXIyMg==");

        Assert.Equal(once, FingerprintedString(once));
    }

    [Theory]
    [InlineData("DB_PASS")]
    [InlineData("EVENTHUB_CONNECTION_STRING")]
    [InlineData("SIGNING_KEY")]
    [InlineData("VAULT_TOKEN")]
    [InlineData("GCP_CREDENTIALS_JSON")]
    public void An_environment_variable_with_a_widened_sensitive_name_has_its_value_fingerprinted(string name)
    {
        var spec = SecretMasker.Fingerprint(FlinkDeploymentBuilder.New().Set("spec.podTemplate", Pod(new JsonObject { ["name"] = name, ["value"] = "hunter22" })).BuildSpec())!;

        Assert.True(SecretMasker.IsFingerprintToken(EnvironmentValue(spec)));
    }

    [Fact]
    public void An_ordinary_environment_variable_keeps_its_value_but_not_a_password_inside_it()
    {
        var variable = new JsonObject { ["name"] = "JAVA_TOOL_OPTIONS", ["value"] = "-Xmx1g -Dkafka.password=hunter22" };
        var spec = SecretMasker.Fingerprint(FlinkDeploymentBuilder.New().Set("spec.podTemplate", Pod(variable)).BuildSpec())!;

        Assert.Equal("-Xmx1g -Dkafka.password=******", SecretMasker.Display(EnvironmentValue(spec)));
    }

    [Theory]
    [InlineData("containerized.master.env.DB_PWD")]
    [InlineData("containerized.taskmanager.env.API_TOKEN")]
    public void A_container_environment_key_in_flink_configuration_with_a_sensitive_name_is_fingerprinted(string key)
    {
        var spec = SecretMasker.Fingerprint(FlinkDeploymentBuilder.New().WithFlinkConfiguration(key, "hunter22").BuildSpec())!;

        Assert.True(SecretMasker.IsFingerprintToken(spec["flinkConfiguration"]![key]!.GetValue<string>()));
    }

    [Fact]
    public void A_nested_container_environment_key_is_fingerprinted_by_its_dotted_path()
    {
        var spec = SecretMasker.Fingerprint(FlinkDeploymentBuilder.New()
            .WithFlinkConfiguration("containerized", Json.Node("""{"master":{"env":{"DB_PWD":"hunter22","TZ":"UTC"}}}""")).BuildSpec())!;

        var env = spec["flinkConfiguration"]!["containerized"]!["master"]!["env"]!;
        Assert.True(SecretMasker.IsFingerprintToken(env["DB_PWD"]!.GetValue<string>()));
        Assert.Equal("UTC", env["TZ"]!.GetValue<string>());
    }

    [Fact]
    public void A_container_environment_key_with_an_ordinary_name_is_kept()
    {
        var spec = SecretMasker.Fingerprint(FlinkDeploymentBuilder.New().WithFlinkConfiguration("containerized.master.env.TZ", "UTC").BuildSpec())!;

        Assert.Equal("UTC", spec["flinkConfiguration"]!["containerized.master.env.TZ"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("--db-pass")]
    [InlineData("--password")]
    [InlineData("--dbPassword")]
    [InlineData("--kafka-secret")]
    public void The_argument_after_a_widened_sensitive_option_is_fingerprinted(string option)
    {
        var args = FingerprintedArguments(option, "hunter22", "--verbose");

        Assert.Equal(option, args[0]);
        Assert.True(SecretMasker.IsFingerprintToken(args[1]));
        Assert.Equal("--verbose", args[2]);
    }

    [Fact]
    public void The_value_of_an_option_written_with_equals_is_fingerprinted_after_the_equals()
    {
        var args = FingerprintedArguments("--db-pass=hunter22");

        Assert.Equal("--db-pass=******", SecretMasker.Display(args[0]));
    }

    [Fact]
    public void A_basic_auth_header_in_an_artifact_header_setting_keeps_its_name_and_other_headers()
    {
        var spec = SecretMasker.Fingerprint(FlinkDeploymentBuilder.New()
            .WithFlinkConfiguration("kubernetes.operator.user.artifacts.http.header", "Authorization:Basic dXNlcjpodW50ZXIyMg==,X-Team:orders")
            .BuildSpec())!;

        Assert.Equal(
            "Authorization:Basic ******,X-Team:orders",
            SecretMasker.Display(spec["flinkConfiguration"]!["kubernetes.operator.user.artifacts.http.header"]!.GetValue<string>()));
    }

    [Fact]
    public void Find_secrets_returns_the_plain_values_fingerprinting_would_hide_and_changes_nothing()
    {
        var spec = FlinkDeploymentBuilder.New()
            .WithFlinkConfiguration("security.ssl.keystore-password", "hunter22")
            .Set("spec.job.jarURI", "https://ci:jar-pass-1@host/app.jar")
            .Set("spec.job.args", new JsonArray("--db-pass", "arg-pass-1"))
            .BuildSpec();
        var before = spec.ToJsonString();

        var secrets = SecretMasker.FindSecrets(spec);

        Assert.Equal(["arg-pass-1", "hunter22", "jar-pass-1"], secrets.Order(StringComparer.Ordinal));
        Assert.Equal(before, spec.ToJsonString());
    }

    [Fact]
    public void Masking_environment_defaults_masks_secret_parts_of_strings_too()
    {
        var defaults = new JsonObject { ["spec"] = Json.Node("""{"job":{"jarURI":"https://ci:hunter22@host/app.jar"}}""") };

        var masked = SecretMasker.Mask(defaults)!;

        Assert.Equal("https://ci:******@host/app.jar", masked["spec"]!["job"]!["jarURI"]!.GetValue<string>());
    }

    private static string FingerprintedString(string text) =>
        SecretMasker.Fingerprint(FlinkDeploymentBuilder.New().Set("spec.job.jarURI", text).BuildSpec())!["job"]!["jarURI"]!.GetValue<string>();

    private static string[] FingerprintedArguments(params string[] arguments)
    {
        var fingerprintedSpec = SecretMasker.Fingerprint(FlinkDeploymentBuilder.New().Set("spec.job.args", new JsonArray([.. arguments.Select(a => (JsonNode)a)])).BuildSpec())!;
        return [.. fingerprintedSpec["job"]!["args"]!.AsArray().Select(a => a!.GetValue<string>())];
    }

    private static JsonObject Pod(JsonNode variable) => new()
    {
        ["spec"] = new JsonObject
        {
            ["containers"] = new JsonArray(new JsonObject { ["name"] = "flink-main-container", ["env"] = new JsonArray(variable) }),
        },
    };

    private static string EnvironmentValue(JsonNode spec) =>
        spec["podTemplate"]!["spec"]!["containers"]![0]!["env"]![0]!["value"]!.GetValue<string>();
}
