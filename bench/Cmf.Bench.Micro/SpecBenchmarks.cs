using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Cmf.Core.Specs;
using Cmf.Dashboard.Model;

namespace Cmf.Bench.Micro;

/// <summary>Spec handling on one 50 KB spec, and the diff page's work on two 5,000-line specs.</summary>
[MemoryDiagnoser]
public class SpecBenchmarks
{
    private JsonObject _spec = null!;
    private JsonNode _fingerprinted = null!;
    private string _oldYaml = null!;
    private string _newYaml = null!;

    [GlobalSetup]
    public void Setup()
    {
        _spec = LargeSpec.WithJsonBytes(50 * 1024);
        _fingerprinted = SecretMasker.Fingerprint(_spec)!;
        var (oldSpec, newSpec) = (LargeSpec.WithYamlLines(5_000), LargeSpec.WithYamlLines(5_000, variant: 3));
        _oldYaml = CanonicalYaml.Render(SecretMasker.Fingerprint(oldSpec));
        _newYaml = CanonicalYaml.Render(SecretMasker.Fingerprint(newSpec));
        Console.WriteLine($"// spec: {CanonicalJson.Serialize(_spec).Length:N0} bytes of canonical JSON; diff: {Lines(_oldYaml):N0} and {Lines(_newYaml):N0} lines of YAML");
    }

    [Benchmark(Description = "effective spec: canonicalise + hash, 50 KB")]
    public string CanonicaliseHash() => SpecHash.Compute(CanonicalJson.SerializeToUtf8Bytes(EffectiveSpec.Of(_spec)));

    [Benchmark(Description = "spec version as the tracker keeps it (hash, seal, canonical JSON), 50 KB")]
    public object SpecVersion() => SpecVersionFactory.Create(_spec);

    [Benchmark(Description = "masking: seal the secrets of a 50 KB spec")]
    public JsonNode? Fingerprint() => SecretMasker.Fingerprint(_spec);

    [Benchmark(Description = "masking: display a sealed 50 KB spec (tokens to ******)")]
    public JsonNode? Display() => SecretMasker.Display(_fingerprinted);

    [Benchmark(Description = "YAML rendering (CanonicalYaml) of a 50 KB spec")]
    public string Yaml() => CanonicalYaml.Render(_fingerprinted);

    [Benchmark(Description = "side-by-side diff (SpecDiff, DiffPlex) of two 5,000-line specs")]
    public int Diff() => SpecLineDiff.Compute(_oldYaml, _newYaml).Rows.Count;

    private static int Lines(string text) => text.Count(c => c == '\n');
}
