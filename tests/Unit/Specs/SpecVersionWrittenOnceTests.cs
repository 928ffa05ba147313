using System.Text.Json.Nodes;
using Cmf.Core.Specs;
using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.Specs;

/// <summary>
/// <see cref="SpecVersionFactory.Create"/> writes a spec without secrets once (the plain canonical text is also its
/// fingerprinted text) and reuses one buffer per thread; both change nothing but the work: every spec gives the hash
/// and the text of writing it plain, fingerprinting a copy and writing that again.
/// </summary>
public sealed class SpecVersionWrittenOnceTests
{
    [Theory]
    [MemberData(nameof(Specs))]
    public void A_spec_version_is_what_writing_the_spec_twice_gives(string name, string specJson)
    {
        var spec = (JsonObject)JsonNode.Parse(specJson)!;

        var version = SpecVersionFactory.Create(spec);

        var (hash, text) = WrittenTwice(spec);
        Assert.True(hash == version.SpecHash, $"{name}: hash");
        Assert.Equal(text, version.EffectiveSpecJson);
    }

    [Fact]
    public void Specs_made_on_many_threads_equal_the_ones_made_on_one()
    {
        // Specs of very different sizes, so a reused buffer that kept a longer spec's tail would show.
        var specs = Specs().Select(row => (JsonObject)JsonNode.Parse((string)row[1])!).ToList();
        var indexes = Enumerable.Range(0, 400).Select(i => i % specs.Count).ToList();

        var serial = indexes.Select(i => Identity(SpecVersionFactory.Create(specs[i]))).ToList();
        var parallel = new string[indexes.Count];
        Parallel.For(0, indexes.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, k =>
            parallel[k] = Identity(SpecVersionFactory.Create((JsonObject)specs[indexes[k]].DeepClone())));

        Assert.Equal(serial, parallel);
    }

    [Fact]
    public void Fingerprinting_says_whether_it_replaced_anything()
    {
        var plain = FlinkDeploymentBuilder.New().BuildSpec();
        var before = plain.ToJsonString();

        Assert.False(SecretMasker.FingerprintInPlace(plain));
        Assert.Equal(before, plain.ToJsonString());
        Assert.True(SecretMasker.FingerprintInPlace(FlinkDeploymentBuilder.New().WithFlinkConfiguration("password", "x").BuildSpec()));
        Assert.True(SecretMasker.FingerprintInPlace(FlinkDeploymentBuilder.New().WithFlinkConfiguration("http-headers", new JsonObject()).BuildSpec()));
        Assert.True(SecretMasker.FingerprintInPlace(FlinkDeploymentBuilder.New().Set("spec.job.jarURI", "https://ci:pw@host/app.jar").BuildSpec()));
    }

    public static TheoryData<string, string> Specs()
    {
        var data = new TheoryData<string, string>
        {
            { "plain", FlinkDeploymentBuilder.New().BuildSpec().ToJsonString() },
            { "configuration password", FlinkDeploymentBuilder.New().WithFlinkConfiguration("s3.secret-key", "abc").BuildSpec().ToJsonString() },
            { "secret object", FlinkDeploymentBuilder.New().WithFlinkConfiguration("http-headers", new JsonObject { ["a"] = "b" }).BuildSpec().ToJsonString() },
            { "empty secret object", FlinkDeploymentBuilder.New().WithFlinkConfiguration("http-headers", new JsonObject()).BuildSpec().ToJsonString() },
            { "url user-info", FlinkDeploymentBuilder.New().Set("spec.job.jarURI", "https://ci:pw@host/app.jar").BuildSpec().ToJsonString() },
            { "argument", FlinkDeploymentBuilder.New().Set("spec.job.args", new JsonArray("--password=hunter2", "--db-pass", "x")).BuildSpec().ToJsonString() },
            { "environment variable", FlinkDeploymentBuilder.New()
                .Set("spec.podTemplate.spec.containers", new JsonArray(new JsonObject
                {
                    ["name"] = "flink-main-container",
                    ["env"] = new JsonArray(new JsonObject { ["name"] = "DB_PASSWORD", ["value"] = "pw" }),
                }))
                .BuildSpec().ToJsonString() },
            { "already fingerprinted", FlinkDeploymentBuilder.New().WithFlinkConfiguration("password", "<sealed:0123456789abcdef>").BuildSpec().ToJsonString() },
            { "nulls and unsorted keys", """{"z":1,"a":null,"job":{"upgradeMode":"savepoint","args":[null,"b"]},"image":"é😀"}""" },
            { "large", FlinkDeploymentBuilder.New().Set("spec.flinkConfiguration",
                new JsonObject(Enumerable.Range(0, 2000).Select(i => KeyValuePair.Create($"key.{i:D4}", (JsonNode?)JsonValue.Create(new string('v', 40))))))
                .BuildSpec().ToJsonString() },
        };
        foreach (var file in ReferenceFiles.FkoExamples)
        {
            foreach (var (document, index) in YamlDocuments.ReadAll(ReferenceFiles.FkoExample(file)).Select((d, i) => (d, i)))
            {
                if (document?["kind"]?.GetValue<string>() == "FlinkDeployment" && document["spec"] is JsonObject spec)
                {
                    data.Add($"{file}#{index}", spec.ToJsonString());
                }
            }
        }
        return data;
    }

    private static (string Hash, string Text) WrittenTwice(JsonObject spec)
    {
        var effective = EffectiveSpec.Of(spec);
        return (SpecHash.Compute(CanonicalJson.Serialize(effective)), CanonicalJson.Serialize(SecretMasker.Fingerprint(effective)));
    }

    private static string Identity(SpecVersion version) => version.SpecHash + " " + version.EffectiveSpecJson;
}
