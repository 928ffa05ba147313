using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cmf.Core.Specs;

namespace Cmf.UnitTests.Specs;

public partial class SecretMaskerTests
{
    private const string Secret = "hunter2";

    [Theory]
    [InlineData("password")]
    [InlineData("security.ssl.keystore-password")]
    [InlineData("PASSWORD")]
    [InlineData("s3.secret-key")]
    [InlineData("fs.s3a.secret.key")]
    [InlineData("kafka.sasl.token")]
    [InlineData("apikey")]
    [InlineData("metrics.reporter.dghttp.apikey")]
    [InlineData("datadog.api-key")]
    [InlineData("connector.auth-params")]
    [InlineData("gcs.service-key")]
    [InlineData("prometheus.basic-auth")]
    [InlineData("properties.sasl.jaas.config")]
    [InlineData("fs.azure.account.key.myaccount.blob.core.windows.net")]
    [InlineData("metrics.reporter.otel.http-headers")]
    public void A_flink_configuration_key_containing_a_sensitive_pattern_is_fingerprinted(string key)
    {
        var fingerprintedSpec = Fingerprint(Spec().WithFlinkConfiguration(key, Secret));

        Assert.True(SecretMasker.IsFingerprintToken(fingerprintedSpec["flinkConfiguration"]![key]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("taskmanager.numberOfTaskSlots")]
    [InlineData("security.ssl.keystore")]
    [InlineData("security.ssl.keystore-type")]
    [InlineData("kubernetes.service-account")]
    [InlineData("metrics.reporter.otel.http-header")]
    [InlineData("security.jaas")]
    [InlineData("fs.azure.account.name")]
    [InlineData("rest.authentication")]
    [InlineData("pass")]
    [InlineData("high-availability.storageDir")]
    public void A_look_alike_key_is_kept(string key)
    {
        var fingerprintedSpec = Fingerprint(Spec().WithFlinkConfiguration(key, "plain-value"));

        Assert.Equal("plain-value", fingerprintedSpec["flinkConfiguration"]![key]!.GetValue<string>());
    }

    [Fact]
    public void A_nested_flink_configuration_value_is_fingerprinted_by_its_leaf_key()
    {
        var fingerprintedSpec = Fingerprint(Spec().WithFlinkConfiguration("security", Json.Node("""{"ssl":{"keystore-password":"hunter2","keystore":"/ks"}}""")));

        var ssl = fingerprintedSpec["flinkConfiguration"]!["security"]!["ssl"]!;
        Assert.True(SecretMasker.IsFingerprintToken(ssl["keystore-password"]!.GetValue<string>()));
        Assert.Equal("/ks", ssl["keystore"]!.GetValue<string>());
    }

    [Fact]
    public void A_nested_flink_configuration_value_is_fingerprinted_by_its_dotted_path()
    {
        var fingerprintedSpec = Fingerprint(Spec().WithFlinkConfiguration("fs", Json.Node("""{"azure":{"account":{"key":{"myaccount":"hunter2"},"name":"acct"}}}""")));

        var account = fingerprintedSpec["flinkConfiguration"]!["fs"]!["azure"]!["account"]!;
        Assert.True(SecretMasker.IsFingerprintToken(account["key"]!.GetValue<string>()));
        Assert.Equal("acct", account["name"]!.GetValue<string>());
    }

    [Fact]
    public void A_whole_object_under_a_sensitive_key_becomes_one_token()
    {
        var fingerprintedSpec = Fingerprint(Spec().WithFlinkConfiguration("http-headers", Json.Node("""{"Authorization":"Bearer abc","X-Team":"a"}""")));

        Assert.True(SecretMasker.IsFingerprintToken(fingerprintedSpec["flinkConfiguration"]!["http-headers"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("true")]
    [InlineData("[\"a\",\"b\"]")]
    public void A_secret_that_is_not_a_string_is_fingerprinted_too(string json)
    {
        var fingerprintedSpec = Fingerprint(Spec().WithFlinkConfiguration("password", Json.Node(json)));

        Assert.True(SecretMasker.IsFingerprintToken(fingerprintedSpec["flinkConfiguration"]!["password"]!.GetValue<string>()));
    }

    [Fact]
    public void A_sensitive_annotation_outside_flink_configuration_is_fingerprinted()
    {
        var fingerprintedSpec = Fingerprint(Spec().WithPodAnnotation("vault.example.com/token", Secret));

        var annotations = fingerprintedSpec["podTemplate"]!["metadata"]!["annotations"]!;
        Assert.True(SecretMasker.IsFingerprintToken(annotations["vault.example.com/token"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("DB_PASSWORD")]
    [InlineData("PGPASSWORD")]
    [InlineData("API_KEY")]
    [InlineData("AWS_SECRET_ACCESS_KEY")]
    [InlineData("GITHUB_TOKEN")]
    [InlineData("MYSQL_PWD")]
    [InlineData("SMTP_PASSWD")]
    [InlineData("FS_AZURE_ACCOUNT_KEY")]
    [InlineData("KAFKA_SASL_JAAS_CONFIG")]
    [InlineData("SERVICE_CREDENTIALS")]
    [InlineData("TLS_PRIVATE_KEY")]
    public void An_environment_variable_with_a_sensitive_name_has_its_value_fingerprinted(string name)
    {
        var fingerprintedSpec = Fingerprint(Spec().Set("spec.podTemplate", PodWithEnvironment(new JsonObject { ["name"] = name, ["value"] = Secret })));

        Assert.True(SecretMasker.IsFingerprintToken(EnvironmentValue(fingerprintedSpec)!));
    }

    [Theory]
    [InlineData("JAVA_OPTS")]
    [InlineData("LOG_LEVEL")]
    [InlineData("ENABLE_BUILT_IN_PLUGINS")]
    public void An_environment_variable_with_an_ordinary_name_is_kept(string name)
    {
        var fingerprintedSpec = Fingerprint(Spec().Set("spec.podTemplate", PodWithEnvironment(new JsonObject { ["name"] = name, ["value"] = "x" })));

        Assert.Equal("x", EnvironmentValue(fingerprintedSpec));
    }

    [Fact]
    public void An_environment_variable_read_from_a_secret_keeps_its_reference()
    {
        var variable = Json.Node("""{"name":"DB_PASSWORD","valueFrom":{"secretKeyRef":{"name":"db","key":"password"}}}""")!;
        var spec = Spec().Set("spec.podTemplate", PodWithEnvironment(variable.DeepClone()));

        var fingerprintedSpec = Fingerprint(spec);

        Assert.True(JsonNode.DeepEquals(variable, fingerprintedSpec["podTemplate"]!["spec"]!["containers"]![0]!["env"]![0]));
    }

    [Fact]
    public void Kubernetes_fields_that_name_a_secret_are_kept()
    {
        var pod = Json.Object("""
            {"spec":{
              "automountServiceAccountToken":false,
              "imagePullSecrets":[{"name":"registry"}],
              "containers":[{"name":"flink-main-container","envFrom":[{"secretRef":{"name":"kafka"}}]}],
              "volumes":[{"name":"certs","secret":{"secretName":"tls"}},
                         {"name":"sa","projected":{"sources":[{"serviceAccountToken":{"path":"token"}}]}}]}}
            """);
        var spec = Spec().Set("spec.podTemplate", pod.DeepClone());

        var fingerprintedSpec = Fingerprint(spec);

        Assert.True(JsonNode.DeepEquals(pod, fingerprintedSpec["podTemplate"]));
    }

    [Fact]
    public void Inside_flink_configuration_a_kubernetes_field_name_is_not_exempt()
    {
        var fingerprintedSpec = Fingerprint(Spec().WithFlinkConfiguration("secret", "x"));

        Assert.True(SecretMasker.IsFingerprintToken(fingerprintedSpec["flinkConfiguration"]!["secret"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("--password=hunter2", "--password=")]
    [InlineData("-Dsecurity.ssl.keystore-password=hunter2", "-Dsecurity.ssl.keystore-password=")]
    [InlineData("--kafka.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule", "--kafka.sasl.jaas.config=")]
    public void The_value_of_a_sensitive_option_in_job_arguments_is_fingerprinted(string argument, string kept)
    {
        var arguments = FingerprintedArguments(argument, "--parallelism=4");

        Assert.StartsWith(kept, arguments[0]);
        Assert.True(SecretMasker.IsFingerprintToken(arguments[0][kept.Length..]));
        Assert.Equal("--parallelism=4", arguments[1]);
    }

    [Fact]
    public void The_argument_after_a_sensitive_option_is_fingerprinted()
    {
        var arguments = FingerprintedArguments("--input", "s3://in", "--api-key", "k-123", "--verbose");

        Assert.Equal(["--input", "s3://in", "--api-key"], arguments[..3]);
        Assert.True(SecretMasker.IsFingerprintToken(arguments[3]));
        Assert.Equal("--verbose", arguments[4]);
    }

    [Fact]
    public void A_sensitive_switch_followed_by_another_option_seals_nothing()
    {
        Assert.Equal(["--use-token", "--verbose"], FingerprintedArguments("--use-token", "--verbose"));
    }

    [Fact]
    public void A_sensitive_option_in_a_container_command_is_fingerprinted()
    {
        var pod = Json.Object("""{"spec":{"containers":[{"name":"init","command":["tool","--token","abc"]}]}}""");

        var fingerprintedSpec = Fingerprint(Spec().Set("spec.podTemplate", pod));

        Assert.True(SecretMasker.IsFingerprintToken(fingerprintedSpec["podTemplate"]!["spec"]!["containers"]![0]!["command"]![2]!.GetValue<string>()));
    }

    [Fact]
    public void Fingerprinting_fingerprinted_arguments_changes_nothing()
    {
        var once = Fingerprint(Spec().Set("spec.job.args", new JsonArray("--password=x", "--secret", "y")));

        Assert.True(JsonNode.DeepEquals(once, SecretMasker.Fingerprint(once)));
    }

    [Fact]
    public void A_fingerprinted_option_value_is_displayed_as_stars()
    {
        var shown = SecretMasker.Display(Fingerprint(Spec().Set("spec.job.args", new JsonArray("--password=hunter2"))))!;

        Assert.Equal("--password=******", shown["job"]!["args"]![0]!.GetValue<string>());
    }

    [Fact]
    public void A_fingerprinted_token_is_sixteen_hex_digits_of_a_fingerprint()
    {
        var token = SealedPassword(Secret);

        Assert.Matches("^<sealed:[0-9a-f]{16}>$", token);
    }

    [Fact]
    public void The_same_secret_gives_the_same_token()
    {
        Assert.Equal(SealedPassword(Secret), SealedPassword(Secret));
    }

    [Fact]
    public void A_changed_secret_gives_another_token()
    {
        Assert.NotEqual(SealedPassword(Secret), SealedPassword("hunter3"));
    }

    [Fact]
    public void Fingerprinting_a_fingerprinted_spec_changes_nothing()
    {
        var once = Fingerprint(Spec().WithFlinkConfiguration("password", Secret).WithFlinkConfiguration("http-headers", Json.Node("""{"a":"b"}""")));

        Assert.True(JsonNode.DeepEquals(once, SecretMasker.Fingerprint(once)));
    }

    [Fact]
    public void Fingerprinting_does_not_change_the_input()
    {
        var spec = Spec().WithFlinkConfiguration("password", Secret).BuildSpec();
        var before = spec.ToJsonString();

        SecretMasker.Fingerprint(spec);

        Assert.Equal(before, spec.ToJsonString());
    }

    [Fact]
    public void A_null_secret_stays_null()
    {
        var fingerprintedSpec = Fingerprint(Spec().WithFlinkConfiguration("password", null));

        Assert.True(fingerprintedSpec["flinkConfiguration"]!.AsObject().ContainsKey("password"));
        Assert.Null(fingerprintedSpec["flinkConfiguration"]!["password"]);
    }

    [Fact]
    public void Display_of_a_fingerprinted_document_shows_stars_and_never_the_value()
    {
        var fingerprintedSpec = Fingerprint(Spec()
            .WithFlinkConfiguration("password", Secret)
            .Set("spec.podTemplate", PodWithEnvironment(new JsonObject { ["name"] = "API_TOKEN", ["value"] = Secret })));

        var shown = SecretMasker.Display(fingerprintedSpec)!;

        Assert.Equal(SecretMasker.MaskText, shown["flinkConfiguration"]!["password"]!.GetValue<string>());
        Assert.Equal(SecretMasker.MaskText, EnvironmentValue(shown));
        Assert.DoesNotContain(Secret, shown.ToJsonString());
    }

    [Fact]
    public void Display_of_rendered_text_replaces_every_token()
    {
        var yaml = CanonicalYaml.Render(Fingerprint(Spec().WithFlinkConfiguration("password", Secret).WithFlinkConfiguration("api-key", "k")));

        var shown = SecretMasker.Display(yaml);

        Assert.DoesNotContain("<sealed:", shown);
        Assert.Equal(2, MaskPattern().Matches(shown).Count);
    }

    [Fact]
    public void Display_of_text_without_tokens_returns_it_unchanged()
    {
        const string Text = "image: flink:2.2\n";

        Assert.Same(Text, SecretMasker.Display(Text));
    }

    [Fact]
    public void Mask_hides_secrets_of_environment_defaults_directly()
    {
        var defaults = new JsonObject
        {
            ["metadata"] = Json.Node("""{"annotations":{"registry-token":"abc"}}"""),
            ["spec"] = Json.Node("""{"flinkConfiguration":{"s3.secret-key":"abc","s3.endpoint":"http://minio"}}"""),
        };

        var masked = SecretMasker.Mask(defaults)!;

        Assert.Equal(
            """{"metadata":{"annotations":{"registry-token":"******"}},"spec":{"flinkConfiguration":{"s3.secret-key":"******","s3.endpoint":"http://minio"}}}""",
            masked.ToJsonString());
    }

    private static FlinkDeploymentBuilder Spec() => FlinkDeploymentBuilder.New();

    private static JsonNode Fingerprint(FlinkDeploymentBuilder builder) => SecretMasker.Fingerprint(builder.BuildSpec())!;

    private static string SealedPassword(string password) =>
        Fingerprint(Spec().WithFlinkConfiguration("password", password))["flinkConfiguration"]!["password"]!.GetValue<string>();

    private static string[] FingerprintedArguments(params string[] arguments)
    {
        var fingerprintedSpec = Fingerprint(Spec().Set("spec.job.args", new JsonArray([.. arguments.Select(a => (JsonNode)a)])));
        return [.. fingerprintedSpec["job"]!["args"]!.AsArray().Select(a => a!.GetValue<string>())];
    }

    private static JsonObject PodWithEnvironment(JsonNode variable) => new()
    {
        ["spec"] = new JsonObject
        {
            ["containers"] = new JsonArray(new JsonObject { ["name"] = "flink-main-container", ["env"] = new JsonArray(variable) }),
        },
    };

    private static string? EnvironmentValue(JsonNode spec) =>
        spec["podTemplate"]!["spec"]!["containers"]![0]!["env"]![0]!["value"]?.GetValue<string>();

    [GeneratedRegex(@"\*\*\*\*\*\*")]
    private static partial Regex MaskPattern();
}
