using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cmf.Core.Attribution;
using Cmf.Core.Specs;
using Cmf.UnitTests.Specs;
using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.Attribution;

/// <summary>
/// <see cref="SpecChanges.Between"/> walks both specs' keys with loops (it runs for every object of a first start's
/// list); the paths, and their order, are those of walking the union of the keys as the earlier version did, which
/// these tests keep as the reference.
/// </summary>
public sealed class SpecChangesTests
{
    [Theory]
    [MemberData(nameof(Pairs))]
    public void The_changed_paths_are_those_of_walking_the_union_of_the_keys(string name, string previousJson, string nextJson)
    {
        var (previous, next) = ((JsonObject)JsonNode.Parse(previousJson)!, (JsonObject)JsonNode.Parse(nextJson)!);

        var paths = SpecChanges.Between(previous, next).Select(p => string.Join('/', p)).ToList();

        Assert.True(Reference(previous, next).SequenceEqual(paths), $"{name}: {string.Join(", ", paths)}");
    }

    [Fact]
    public void Added_removed_and_changed_fields_are_found_and_equal_ones_are_not()
    {
        var previous = Json.Object("""{"image":"flink:1","cpu":1.0,"entryClass":null,"job":{"args":["a"],"parallelism":2},"old":{"x":1}}""");
        var next = Json.Object("""{"image":"flink:2","cpu":1,"job":{"args":["a"],"parallelism":3},"added":{"y":2}}""");

        var paths = SpecChanges.Between(previous, next).Select(p => string.Join('/', p));

        Assert.Equal(["image", "job/parallelism", "old", "added"], paths);
    }

    public static TheoryData<string, string, string> Pairs()
    {
        var data = new TheoryData<string, string, string>();
        var specs = new List<(string Name, JsonObject Spec)> { ("builder", FlinkDeploymentBuilder.New().BuildSpec()) };
        foreach (var file in ReferenceFiles.FkoExamples)
        {
            foreach (var (document, index) in YamlDocuments.ReadAll(ReferenceFiles.FkoExample(file)).Select((d, i) => (d, i)))
            {
                if (document?["spec"] is JsonObject spec)
                {
                    specs.Add(($"{file}#{index}", spec));
                }
            }
        }
        foreach (var (name, spec) in specs)
        {
            data.Add($"{name} unchanged", spec.ToJsonString(), spec.ToJsonString());
            data.Add($"{name} against an empty spec", "{}", spec.ToJsonString());
            data.Add($"{name} emptied", spec.ToJsonString(), "{}");
            var changed = (JsonObject)spec.DeepClone();
            changed["image"] = "flink:changed";
            changed.Remove("flinkVersion");
            changed["added"] = new JsonObject { ["nested"] = new JsonObject { ["deep"] = 1 }, ["none"] = null };
            if (changed["job"] is JsonObject job)
            {
                job["parallelism"] = 99;
                job["args"] = new JsonArray("x", null);
            }
            data.Add($"{name} changed", spec.ToJsonString(), changed.ToJsonString());
            data.Add($"{name} changed back", changed.ToJsonString(), spec.ToJsonString());
        }
        data.Add("numbers by value, nulls as missing", """{"a":1.0,"b":null,"c":{"d":null}}""", """{"a":1,"c":{},"e":null}""");
        return data;
    }

    /// <summary>The earlier walk: the union of both objects' keys (the earlier's first), numbers by value, missing as null.</summary>
    private static List<string> Reference(JsonObject previous, JsonObject next)
    {
        var paths = new List<string>();
        Walk(previous, next, [], paths);
        return paths;

        static void Walk(JsonNode? a, JsonNode? b, List<string> path, List<string> paths)
        {
            if (paths.Count >= SpecChanges.MaxPaths)
            {
                return;
            }
            if (a is JsonObject x && b is JsonObject y)
            {
                foreach (var key in x.Select(p => p.Key).Union(y.Select(p => p.Key), StringComparer.Ordinal))
                {
                    path.Add(key);
                    Walk(x[key], y[key], path, paths);
                    path.RemoveAt(path.Count - 1);
                }
                return;
            }
            if (!Same(a, b))
            {
                paths.Add(string.Join('/', path));
            }
        }

        static bool Same(JsonNode? a, JsonNode? b) => (a, b) switch
        {
            (null, null) => true,
            (JsonObject x, JsonObject y) => x.Select(p => p.Key).Union(y.Select(p => p.Key), StringComparer.Ordinal).All(k => Same(x[k], y[k])),
            (JsonArray x, JsonArray y) => x.Count == y.Count && x.Zip(y).All(p => Same(p.First, p.Second)),
            (JsonValue x, JsonValue y) when x.GetValueKind() == JsonValueKind.Number && y.GetValueKind() == JsonValueKind.Number
                && decimal.TryParse(x.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var m)
                && decimal.TryParse(y.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => m == n,
            _ => JsonNode.DeepEquals(a, b),
        };
    }
}
