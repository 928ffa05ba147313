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
    public void A_flink_configuration_key_containing_a_sensitive_pattern_is_sealed(string key)
    {
        var sealedSpec = Seal(Spec().WithFlinkConfiguration(key, Secret));

        Assert.True(SecretMasker.IsSealed(sealedSpec["flinkConfiguration"]![key]!.GetValue<string>()));
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
        var sealedSpec = Seal(Spec().WithFlinkConfiguration(key, "plain-value"));

        Assert.Equal("plain-value", sealedSpec["flinkConfiguration"]![key]!.GetValue<string>());
    }

    [Fact]
    public void A_nested_flink_configuration_value_is_sealed_by_its_leaf_key()
    {
        var sealedSpec = Seal(Spec().WithFlinkConfiguration("security", Json.Node("""{"ssl":{"keystore-password":"hunter2","keystore":"/ks"}}""")));

        var ssl = sealedSpec["flinkConfiguration"]!["security"]!["ssl"]!;
        Assert.True(SecretMasker.IsSealed(ssl["keystore-password"]!.GetValue<string>()));
        Assert.Equal("/ks", ssl["keystore"]!.GetValue<string>());
    }

    [Fact]
    public void A_nested_flink_configuration_value_is_sealed_by_its_dotted_path()
    {
        var sealedSpec = Seal(Spec().WithFlinkConfiguration("fs", Json.Node("""{"azure":{"account":{"key":{"myaccount":"hunter2"},"name":"acct"}}}""")));

        var account = sealedSpec["flinkConfiguration"]!["fs"]!["azure"]!["account"]!;
        Assert.True(SecretMasker.IsSealed(account["key"]!.GetValue<string>()));
        Assert.Equal("acct", account["name"]!.GetValue<string>());
    }

    [Fact]
    public void A_whole_object_under_a_sensitive_key_becomes_one_token()
    {
        var sealedSpec = Seal(Spec().WithFlinkConfiguration("http-headers", Json.Node("""{"Authorization":"Bearer abc","X-Team":"a"}""")));

        Assert.True(SecretMasker.IsSealed(sealedSpec["flinkConfiguration"]!["http-headers"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("true")]
    [InlineData("[\"a\",\"b\"]")]
    public void A_secret_that_is_not_a_string_is_sealed_too(string json)
    {
        var sealedSpec = Seal(Spec().WithFlinkConfiguration("password", Json.Node(json)));

        Assert.True(SecretMasker.IsSealed(sealedSpec["flinkConfiguration"]!["password"]!.GetValue<string>()));
    }

    [Fact]
    public void A_sensitive_annotation_outside_flink_configuration_is_sealed()
    {
        var sealedSpec = Seal(Spec().WithPodAnnotation("vault.example.com/token", Secret));

        var annotations = sealedSpec["podTemplate"]!["metadata"]!["annotations"]!;
        Assert.True(SecretMasker.IsSealed(annotations["vault.example.com/token"]!.GetValue<string>()));
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
    public void An_environment_variable_with_a_sensitive_name_has_its_value_sealed(string name)
    {
        var sealedSpec = Seal(Spec().Set("spec.podTemplate", PodWithEnvironment(new JsonObject { ["name"] = name, ["value"] = Secret })));

        Assert.True(SecretMasker.IsSealed(EnvironmentValue(sealedSpec)!));
    }

    [Theory]
    [InlineData("JAVA_OPTS")]
    [InlineData("LOG_LEVEL")]
    [InlineData("ENABLE_BUILT_IN_PLUGINS")]
    public void An_environment_variable_with_an_ordinary_name_is_kept(string name)
    {
        var sealedSpec = Seal(Spec().Set("spec.podTemplate", PodWithEnvironment(new JsonObject { ["name"] = name, ["value"] = "x" })));

        Assert.Equal("x", EnvironmentValue(sealedSpec));
    }

    [Fact]
    public void An_environment_variable_read_from_a_secret_keeps_its_reference()
    {
        var variable = Json.Node("""{"name":"DB_PASSWORD","valueFrom":{"secretKeyRef":{"name":"db","key":"password"}}}""")!;
        var spec = Spec().Set("spec.podTemplate", PodWithEnvironment(variable.DeepClone()));

        var sealedSpec = Seal(spec);

        Assert.True(JsonNode.DeepEquals(variable, sealedSpec["podTemplate"]!["spec"]!["containers"]![0]!["env"]![0]));
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

        var sealedSpec = Seal(spec);

        Assert.True(JsonNode.DeepEquals(pod, sealedSpec["podTemplate"]));
    }

    [Fact]
    public void Inside_flink_configuration_a_kubernetes_field_name_is_not_exempt()
    {
        var sealedSpec = Seal(Spec().WithFlinkConfiguration("secret", "x"));

        Assert.True(SecretMasker.IsSealed(sealedSpec["flinkConfiguration"]!["secret"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("--password=hunter2", "--password=")]
    [InlineData("-Dsecurity.ssl.keystore-password=hunter2", "-Dsecurity.ssl.keystore-password=")]
    [InlineData("--kafka.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule", "--kafka.sasl.jaas.config=")]
    public void The_value_of_a_sensitive_option_in_job_arguments_is_sealed(string argument, string kept)
    {
        var arguments = SealedArguments(argument, "--parallelism=4");

        Assert.StartsWith(kept, arguments[0]);
        Assert.True(SecretMasker.IsSealed(arguments[0][kept.Length..]));
        Assert.Equal("--parallelism=4", arguments[1]);
    }

    [Fact]
    public void The_argument_after_a_sensitive_option_is_sealed()
    {
        var arguments = SealedArguments("--input", "s3://in", "--api-key", "k-123", "--verbose");

        Assert.Equal(["--input", "s3://in", "--api-key"], arguments[..3]);
        Assert.True(SecretMasker.IsSealed(arguments[3]));
        Assert.Equal("--verbose", arguments[4]);
    }

    [Fact]
    public void A_sensitive_switch_followed_by_another_option_seals_nothing()
    {
        Assert.Equal(["--use-token", "--verbose"], SealedArguments("--use-token", "--verbose"));
    }

    [Fact]
    public void A_sensitive_option_in_a_container_command_is_sealed()
    {
        var pod = Json.Object("""{"spec":{"containers":[{"name":"init","command":["tool","--token","abc"]}]}}""");

        var sealedSpec = Seal(Spec().Set("spec.podTemplate", pod));

        Assert.True(SecretMasker.IsSealed(sealedSpec["podTemplate"]!["spec"]!["containers"]![0]!["command"]![2]!.GetValue<string>()));
    }

    [Fact]
    public void Sealing_sealed_arguments_changes_nothing()
    {
        var once = Seal(Spec().Set("spec.job.args", new JsonArray("--password=x", "--secret", "y")));

        Assert.True(JsonNode.DeepEquals(once, SecretMasker.Seal(once)));
    }

    [Fact]
    public void A_sealed_option_value_is_displayed_as_stars()
    {
        var shown = SecretMasker.Display(Seal(Spec().Set("spec.job.args", new JsonArray("--password=hunter2"))))!;

        Assert.Equal("--password=******", shown["job"]!["args"]![0]!.GetValue<string>());
    }

    [Fact]
    public void A_sealed_token_is_sixteen_hex_digits_of_a_fingerprint()
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
    public void Sealing_a_sealed_spec_changes_nothing()
    {
        var once = Seal(Spec().WithFlinkConfiguration("password", Secret).WithFlinkConfiguration("http-headers", Json.Node("""{"a":"b"}""")));

        Assert.True(JsonNode.DeepEquals(once, SecretMasker.Seal(once)));
    }

    [Fact]
    public void Sealing_does_not_change_the_input()
    {
        var spec = Spec().WithFlinkConfiguration("password", Secret).BuildSpec();
        var before = spec.ToJsonString();

        SecretMasker.Seal(spec);

        Assert.Equal(before, spec.ToJsonString());
    }

    [Fact]
    public void A_null_secret_stays_null()
    {
        var sealedSpec = Seal(Spec().WithFlinkConfiguration("password", null));

        Assert.True(sealedSpec["flinkConfiguration"]!.AsObject().ContainsKey("password"));
        Assert.Null(sealedSpec["flinkConfiguration"]!["password"]);
    }

    [Fact]
    public void Display_of_a_sealed_document_shows_stars_and_never_the_value()
    {
        var sealedSpec = Seal(Spec()
            .WithFlinkConfiguration("password", Secret)
            .Set("spec.podTemplate", PodWithEnvironment(new JsonObject { ["name"] = "API_TOKEN", ["value"] = Secret })));

        var shown = SecretMasker.Display(sealedSpec)!;

        Assert.Equal(SecretMasker.MaskText, shown["flinkConfiguration"]!["password"]!.GetValue<string>());
        Assert.Equal(SecretMasker.MaskText, EnvironmentValue(shown));
        Assert.DoesNotContain(Secret, shown.ToJsonString());
    }

    [Fact]
    public void Display_of_rendered_text_replaces_every_token()
    {
        var yaml = CanonicalYaml.Render(Seal(Spec().WithFlinkConfiguration("password", Secret).WithFlinkConfiguration("api-key", "k")));

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

    private static JsonNode Seal(FlinkDeploymentBuilder builder) => SecretMasker.Seal(builder.BuildSpec())!;

    private static string SealedPassword(string password) =>
        Seal(Spec().WithFlinkConfiguration("password", password))["flinkConfiguration"]!["password"]!.GetValue<string>();

    private static string[] SealedArguments(params string[] arguments)
    {
        var sealedSpec = Seal(Spec().Set("spec.job.args", new JsonArray([.. arguments.Select(a => (JsonNode)a)])));
        return [.. sealedSpec["job"]!["args"]!.AsArray().Select(a => a!.GetValue<string>())];
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
