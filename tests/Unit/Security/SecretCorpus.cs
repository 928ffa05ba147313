using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cmf.UnitTests.Security;

/// <summary>Where a shape puts its secret: the spec, the operator's status error, or only the spec the operator last reconciled.</summary>
internal enum SecretPlace
{
    Spec,
    StatusError,
    SpecAndStatusError,
    ReconciledSpecAndStatusError,
}

/// <summary>
/// One shape of secret as real FlinkDeployments carry it. <see cref="Marker"/> is the secret itself, unique and greppable;
/// <see cref="SpecNeighbours"/> and <see cref="StatusNeighbours"/> are the text around it that must stay readable on the
/// surfaces that show specs and status texts (chosen without quotes, backslashes, ampersands or angle brackets, which
/// each surface escapes its own way).
/// </summary>
internal sealed record SecretShape(string Name, string Marker, SecretPlace Place, string[] SpecNeighbours, string[] StatusNeighbours, Action<CorpusInput> Put)
{
    public override string ToString() => Name;
}

/// <summary>The parts of a FlinkDeployment and its status the corpus writes into.</summary>
internal sealed class CorpusInput
{
    public JsonObject Configuration { get; } = new()
    {
        ["taskmanager.numberOfTaskSlots"] = "2",
        ["state.savepoints.dir"] = "file:///flink-data/savepoints",
        ["state.checkpoints.dir"] = "file:///flink-data/checkpoints",
    };

    public JsonArray Args { get; } = ["--input", "s3://orders/in"];

    public JsonArray Env { get; } = [new JsonObject { ["name"] = "TZ", ["value"] = "UTC" }];

    public JsonObject PodAnnotations { get; } = new() { ["team"] = "payments" };

    public JsonArray InitContainers { get; } = [];

    /// <summary>Configuration of the spec the operator last reconciled that the current spec no longer holds.</summary>
    public JsonObject ReconciledOnlyConfiguration { get; } = [];

    public List<string> ErrorMessages { get; } = [];

    public string JarUri { get; set; } = "local:///opt/flink/usrlib/orders.jar";
}

/// <summary>
/// Fifty-odd secret shapes put into realistic FlinkDeployment specs and operator status errors, for the corpus test
/// (<see cref="SecretCorpusTests"/>).
/// </summary>
internal static class SecretCorpus
{
    /// <summary>The rotated jarURI password: the only difference between instance #1 and #2 of the corpus application.</summary>
    public const string RotatedJarPassword = "S3cr3t-17-rotated";

    /// <summary>The savepoint directory of the managed application; the operator writes savepoint paths under it.</summary>
    public const string SavepointDirectory = "s3://AKIAEXAMPLE:S3cr3t-51-spdir@flink-savepoints/payments";

    public static IReadOnlyList<SecretShape> Shapes { get; } =
    [
        Config("01 keystore password (Flink key)", "security.ssl.keystore-password", "S3cr3t-01-keystore"),
        Config("02 REST truststore password (Flink key)", "security.ssl.rest.truststore-password", "S3cr3t-02-truststore"),
        Config("03 S3 secret key (Flink key)", "s3.secret-key", "S3cr3t-03-s3secret"),
        Config("04 Azure account key (Flink key)", "fs.azure.account.key.ordersacct.blob.core.windows.net", "S3cr3t-04-azurekey"),
        Config("05 Datadog API key (Flink key)", "metrics.reporter.dghttp.apikey", "S3cr3t-05-datadog"),
        ConfigValue("06 keystore password in env.java.opts.all", "env.java.opts.all",
            "-Djavax.net.ssl.keyStorePassword={0} -Dlog.level=INFO", "S3cr3t-06-javaopt", "-Djavax.net.ssl.keyStorePassword=", "-Dlog.level=INFO"),
        ConfigValue("07 kafka password in TaskManager java options", "env.java.opts.taskmanager",
            "-Xms1g -Dkafka.password={0}", "S3cr3t-07-kafkaopt", "-Xms1g -Dkafka.password="),
        Config("08 containerized.master.env.DB_PWD", "containerized.master.env.DB_PWD", "S3cr3t-08-dbpwd"),
        Config("09 containerized.taskmanager.env.API_TOKEN", "containerized.taskmanager.env.API_TOKEN", "S3cr3t-09-apitoken"),
        // base64 of "ci:S3cr3t-10-basicauthxy": the secret as it travels.
        ConfigValue("10 basic auth in the artifact fetch headers", "kubernetes.operator.user.artifacts.http.header",
            "Authorization:Basic {0},X-Team:orders", "Y2k6UzNjcjN0LTEwLWJhc2ljYXV0aHh5", "Authorization:Basic", ",X-Team:orders"),
        Config("11 JAAS config (Flink key)", "properties.sasl.jaas.config",
            "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"svc\" password=\"S3cr3t-11-jaaskey\";",
            marker: "S3cr3t-11-jaaskey"),
        ConfigValue("12 JAAS password in job parameters", "pipeline.global-job-parameters",
            "kafka.jaas:org.apache.kafka.common.security.scram.ScramLoginModule required username=\"svc\" password=\"{0}\";", "S3cr3t-12-scram",
            "ScramLoginModule required username="),
        ConfigValue("13 user-info in the checkpoint directory", "state.checkpoints.dir",
            "s3://AKIAEXAMPLE:{0}@flink-bucket/checkpoints", "S3cr3t-13-s3userinfo", "s3://AKIAEXAMPLE:", "@flink-bucket/checkpoints"),
        Config("14 InfluxDB reporter password (Flink key)", "metrics.reporter.influxdb.password", "S3cr3t-14-influx"),
        ConfigValue("15 SAS signature in the HA storage URL", "high-availability.storageDir",
            "abfss://ha@ordersacct.dfs.core.windows.net/flink?sv=2022-11-02&sig={0}", "S3cr3t-15-sas", "abfss://ha@ordersacct.dfs.core.windows.net/flink?sv=2022-11-02"),
        Config("16 OpenTelemetry headers (Flink key)", "metrics.reporter.otel.http-headers", "Authorization: Bearer S3cr3t-16-otel", marker: "S3cr3t-16-otel"),

        new("17 user-info in jarURI", "S3cr3t-17-jaruri", SecretPlace.Spec, ["https://ci:", "@artifacts.example.com/orders.jar"], [],
            c => c.JarUri = "https://ci:S3cr3t-17-jaruri@artifacts.example.com/orders.jar"),
        Argument("18 the argument after --db-pass", "S3cr3t-18-dbpass", ["--db-pass"], "--db-pass", "S3cr3t-18-dbpass"),
        Argument("19 --password=", "S3cr3t-19-argeq", ["--password="], "--password=S3cr3t-19-argeq"),
        Argument("20 JAAS password in an argument", "S3cr3t-20-argjaas", ["--kafka-jaas", "PlainLoginModule required username="],
            "--kafka-jaas", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"etl\" password=\"S3cr3t-20-argjaas\";"),
        Argument("21 password in a JDBC URL argument", "S3cr3t-21-jdbc", ["jdbc:postgresql://db:5432/app?user=svc", "ssl=true"],
            "--sink-url", "jdbc:postgresql://db:5432/app?user=svc&password=S3cr3t-21-jdbc&ssl=true"),
        Argument("22 the argument after --api-token", "S3cr3t-22-apitoken", ["--api-token"], "--api-token", "S3cr3t-22-apitoken"),
        Argument("23 --db-pass=", "S3cr3t-23-dbpasseq", ["--db-pass="], "--db-pass=S3cr3t-23-dbpasseq"),
        Argument("24 user-info in a MongoDB URL argument", "S3cr3t-24-mongo", ["mongodb+srv://etl:", "@cluster0.example.net/orders"],
            "--mongo", "mongodb+srv://etl:S3cr3t-24-mongo@cluster0.example.net/orders"),
        Argument("25 bearer header argument", "S3cr3t-25-bearer", ["--header", "Authorization: Bearer"], "--header", "Authorization: Bearer S3cr3t-25-bearer"),
        Argument("26 GitHub token argument", "ghp_S3cr3t26GitHubTokenAbcdefghijklmnop", ["--github"], "--github", "ghp_S3cr3t26GitHubTokenAbcdefghijklmnop"),
        Argument("27 JWT argument", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJTM2NyM3QtMjcifQ.S3cr3t27jwtSignatureValue", ["--identity"],
            "--identity", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJTM2NyM3QtMjcifQ.S3cr3t27jwtSignatureValue"),
        Argument("28 the argument after --dbPassword", "S3cr3t-28-camel", ["--dbPassword"], "--dbPassword", "S3cr3t-28-camel"),
        Argument("29 password in a JSON argument", "S3cr3t-29-jsonarg", ["--config-json"], "--config-json", "{\"user\":\"svc\",\"password\":\"S3cr3t-29-jsonarg\"}"),

        Env("30 env DB_PASS", "DB_PASS", "S3cr3t-30-envpass"),
        Env("31 env EVENTHUB_CONNECTION_STRING", "EVENTHUB_CONNECTION_STRING",
            "Endpoint=sb://orders.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=S3cr3t-31-eventhub", marker: "S3cr3t-31-eventhub"),
        EnvValue("32 kafka password in JAVA_TOOL_OPTIONS", "JAVA_TOOL_OPTIONS", "-Xmx1g -Dkafka.password={0}", "S3cr3t-32-tooloptions", "-Xmx1g -Dkafka.password="),
        EnvValue("33 AccountKey in a storage connection string", "STORAGE_CONFIG",
            "DefaultEndpointsProtocol=https;AccountName=ordersacct;AccountKey={0};EndpointSuffix=core.windows.net", "S3cr3t-33-accountkey",
            "AccountName=ordersacct;AccountKey=", ";EndpointSuffix=core.windows.net"),
        Env("34 env MYSQL_PWD", "MYSQL_PWD", "S3cr3t-34-mysqlpwd"),
        Env("35 env SIGNING_KEY", "SIGNING_KEY", "S3cr3t-35-signingkey"),
        Env("36 env GCP_CREDENTIALS_JSON", "GCP_CREDENTIALS_JSON", "S3cr3t-36-gcpcred"),
        EnvValue("37 user-info in HTTPS_PROXY", "HTTPS_PROXY", "http://proxyuser:{0}@proxy.example.com:3128", "S3cr3t-37-proxy",
            "http://proxyuser:", "@proxy.example.com:3128"),
        EnvValue("38 --token= inside an env value", "EXTRA_ARGS", "--token={0} --verbose", "S3cr3t-38-extraargs", "--token=", "--verbose"),
        EnvValue("39 PEM private key in an env value", "TLS_BUNDLE", "-----BEGIN PRIVATE KEY-----\n{0}\n-----END PRIVATE KEY-----", "S3cr3t-39-pemBody",
            "-----BEGIN PRIVATE KEY-----", "-----END PRIVATE KEY-----"),
        new("40 vault token annotation", "S3cr3t-40-vaulttoken", SecretPlace.Spec, ["vault.example.com/token"], [],
            c => c.PodAnnotations["vault.example.com/token"] = "S3cr3t-40-vaulttoken"),
        new("41 user-info in an annotation", "S3cr3t-41-annotation", SecretPlace.Spec, ["postgresql://svc:", "@db.example.com/app"], [],
            c => c.PodAnnotations["config.example.com/datasource"] = "postgresql://svc:S3cr3t-41-annotation@db.example.com/app"),
        InitContainer("42 --db-pass inside a shell command", "S3cr3t-42-shell", ["exec migrate --db-pass", "--url jdbc:postgresql://db/app"],
            "sh", "-c", "exec migrate --db-pass S3cr3t-42-shell --url jdbc:postgresql://db/app"),
        InitContainer("43 API key header in a curl command", "S3cr3t-43-curlheader", ["X-Api-Key:", "https://api.example.com/ready"],
            "curl", "-H", "X-Api-Key: S3cr3t-43-curlheader", "https://api.example.com/ready"),

        new("44 spec secret quoted in the status error", "S3cr3t-44-s3a", SecretPlace.SpecAndStatusError, ["fs.s3a.secret.key"], ["S3 refused credentials", "for bucket flink-bucket"],
            c =>
            {
                c.Configuration["fs.s3a.secret.key"] = "S3cr3t-44-s3a";
                c.ErrorMessages.Add("S3 refused credentials S3cr3t-44-s3a for bucket flink-bucket");
            }),
        Error("45 user-info in the status error", "S3cr3t-45-nexus", ["Could not download https://deploy:", "@nexus.example.com/repo/app.jar"],
            "Could not download https://deploy:S3cr3t-45-nexus@nexus.example.com/repo/app.jar"),
        Error("46 JAAS password in the status error", "S3cr3t-46-errjaas", ["login failed for ScramLoginModule required username="],
            "login failed for ScramLoginModule required username=\"etl\" password=\"S3cr3t-46-errjaas\";"),
        new("47 secret of the reconciled spec quoted in the status error", "S3cr3t-47-oldkeystore", SecretPlace.ReconciledSpecAndStatusError, [],
            ["keystore was tampered with, password", "was rejected"],
            c =>
            {
                c.ReconciledOnlyConfiguration["security.ssl.internal.keystore-password"] = "S3cr3t-47-oldkeystore";
                c.ErrorMessages.Add("keystore was tampered with, password S3cr3t-47-oldkeystore was rejected");
            }),
        Error("48 bearer token in the status error", "S3cr3t-48-errbearer", ["HTTP 401 from the registry with Authorization: Bearer"],
            "HTTP 401 from the registry with Authorization: Bearer S3cr3t-48-errbearer"),
        Error("49 password assignment in the status error", "S3cr3t-49-errassign", ["JDBC sink rejected user=svc password="],
            "JDBC sink rejected user=svc password=S3cr3t-49-errassign"),
        new("50 env secret quoted in the status error", "S3cr3t-50-quoted", SecretPlace.SpecAndStatusError, ["REDIS_PASSWORD"], ["Redis AUTH failed with", "(WRONGPASS)"],
            c =>
            {
                c.Env.Add(new JsonObject { ["name"] = "REDIS_PASSWORD", ["value"] = "S3cr3t-50-quoted" });
                c.ErrorMessages.Add("Redis AUTH failed with S3cr3t-50-quoted (WRONGPASS)");
            }),
    ];

    /// <summary>Every marker the test looks for: the shapes', the rotated password and the managed application's savepoint directory.</summary>
    public static IReadOnlyList<string> Markers { get; } = [.. Shapes.Select(s => s.Marker), RotatedJarPassword, "S3cr3t-51-spdir"];

    public static CorpusInput Input()
    {
        var input = new CorpusInput();
        foreach (var shape in Shapes)
        {
            shape.Put(input);
        }
        return input;
    }

    /// <summary>A FlinkDeployment holding every spec shape; <paramref name="annotations"/> go on its metadata.</summary>
    public static JsonObject FlinkDeployment(string name, CorpusInput input, JsonObject? annotations = null, string? jarUri = null)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (annotations is not null)
        {
            metadata["annotations"] = annotations;
        }
        return new JsonObject
        {
            ["apiVersion"] = "flink.apache.org/v1beta1",
            ["kind"] = "FlinkDeployment",
            ["metadata"] = metadata,
            ["spec"] = Spec(input, input.Configuration, jarUri ?? input.JarUri),
        };
    }

    /// <summary>The spec the operator last reconciled: the corpus spec with the configuration the current spec dropped.</summary>
    public static JsonObject ReconciledSpec(CorpusInput input)
    {
        var configuration = (JsonObject)input.Configuration.DeepClone();
        foreach (var (key, value) in input.ReconciledOnlyConfiguration)
        {
            configuration[key] = value?.DeepClone();
        }
        return Spec(input, configuration, input.JarUri);
    }

    /// <summary>An error as FKO writes it into <c>status.error</c>: JSON by Jackson, the corpus messages in its message and causes.</summary>
    public static string StatusError(CorpusInput input) => new JsonObject
    {
        ["type"] = "org.apache.flink.kubernetes.operator.exception.ReconciliationException",
        ["message"] = "Upgrade failed: " + string.Join("; ", input.ErrorMessages),
        ["additionalMetadata"] = new JsonObject(),
        ["throwableList"] = new JsonArray(input.ErrorMessages.Select(m => (JsonNode)new JsonObject
        {
            ["type"] = "java.lang.RuntimeException",
            ["message"] = m,
            ["additionalMetadata"] = new JsonObject(),
        }).ToArray()),
    }.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static JsonObject Spec(CorpusInput input, JsonObject configuration, string jarUri) => new()
    {
        ["image"] = "flink:1.20",
        ["flinkVersion"] = "v1_20",
        ["serviceAccount"] = "flink",
        ["flinkConfiguration"] = configuration.DeepClone(),
        ["jobManager"] = new JsonObject { ["resource"] = new JsonObject { ["memory"] = "2048m", ["cpu"] = 1 } },
        ["taskManager"] = new JsonObject { ["resource"] = new JsonObject { ["memory"] = "2048m", ["cpu"] = 1 } },
        ["podTemplate"] = new JsonObject
        {
            ["metadata"] = new JsonObject { ["annotations"] = input.PodAnnotations.DeepClone() },
            ["spec"] = new JsonObject
            {
                ["containers"] = new JsonArray(new JsonObject { ["name"] = "flink-main-container", ["env"] = input.Env.DeepClone() }),
                ["initContainers"] = input.InitContainers.DeepClone(),
            },
        },
        ["job"] = new JsonObject
        {
            ["jarURI"] = jarUri,
            ["args"] = input.Args.DeepClone(),
            ["parallelism"] = 2,
            ["upgradeMode"] = "savepoint",
            ["state"] = "running",
        },
    };

    // A secret under a sensitive flinkConfiguration key: fingerprinted whole, the key stays readable.
    private static SecretShape Config(string name, string key, string value, string? marker = null) =>
        new(name, marker ?? value, SecretPlace.Spec, [key], [], c => c.Configuration[key] = value);

    private static SecretShape ConfigValue(string name, string key, string format, string marker, params string[] neighbours) =>
        new(name, marker, SecretPlace.Spec, neighbours, [], c => c.Configuration[key] = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, marker));

    private static SecretShape Argument(string name, string marker, string[] neighbours, params string[] arguments) =>
        new(name, marker, SecretPlace.Spec, neighbours, [], c =>
        {
            foreach (var argument in arguments)
            {
                c.Args.Add(argument);
            }
        });

    private static SecretShape Env(string name, string variable, string value, string? marker = null) =>
        new(name, marker ?? value, SecretPlace.Spec, [variable], [], c => c.Env.Add(new JsonObject { ["name"] = variable, ["value"] = value }));

    private static SecretShape EnvValue(string name, string variable, string format, string marker, params string[] neighbours) =>
        new(name, marker, SecretPlace.Spec, [variable, .. neighbours], [],
            c => c.Env.Add(new JsonObject { ["name"] = variable, ["value"] = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, marker) }));

    private static SecretShape InitContainer(string name, string marker, string[] neighbours, params string[] command) =>
        new(name, marker, SecretPlace.Spec, neighbours, [], c => c.InitContainers.Add(new JsonObject
        {
            ["name"] = "init-" + c.InitContainers.Count,
            ["image"] = "busybox:1.36",
            ["command"] = new JsonArray([.. command.Select(a => (JsonNode)a)]),
        }));

    private static SecretShape Error(string name, string marker, string[] neighbours, string message) =>
        new(name, marker, SecretPlace.StatusError, [], neighbours, c => c.ErrorMessages.Add(message));
}
