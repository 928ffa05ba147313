using System.Text.Json.Nodes;
using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.RealWorld;

/// <summary>
/// One file of <c>../shared/reference/realworld</c>, read at run time: the <c>#</c> lines that open it (source,
/// operator version, what it shows) and what follows them, copied from the source as it was.
/// </summary>
internal sealed class RealWorldFile
{
    private RealWorldFile(string name, string text)
    {
        Name = name;
        Text = text;
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        Header = [.. lines.TakeWhile(l => l.StartsWith('#'))];
        Body = string.Join('\n', lines.Skip(Header.Count));
    }

    public string Name { get; }

    /// <summary>The whole file, header included (YAML and Python read the header as comments, so line numbers stay true).</summary>
    public string Text { get; }

    public IReadOnlyList<string> Header { get; }

    public string Body { get; }

    public static RealWorldFile Open(string name) => FromText(name, ReferenceFiles.RealWorld(name));

    public static RealWorldFile FromText(string name, string text) => new(name, text);

    public IReadOnlyList<JsonNode> YamlDocuments() => Cmf.Core.Specs.YamlDocuments.ReadAll(Text);

    /// <summary>The one YAML document of the file.</summary>
    public JsonObject YamlObject() => Assert.IsType<JsonObject>(Assert.Single(YamlDocuments()));

    /// <summary>The dict an Airflow fixture module assigns.</summary>
    public JsonObject PythonDict() => Assert.IsType<JsonObject>(PythonLiteral.ParseAssignment(Text).Value);
}

/// <summary>Short reads of nested JSON for assertions: <c>Nodes.Text(obj, "status", "jobStatus", "state")</c>.</summary>
internal static class Nodes
{
    public static JsonNode? At(JsonNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            node = node switch
            {
                JsonObject obj => obj[key],
                JsonArray array when int.TryParse(key, out var index) && index >= 0 && index < array.Count => array[index],
                _ => null,
            };
        }
        return node;
    }

    public static string? Text(JsonNode? node, params string[] path) => At(node, path)?.GetValue<string>();

    public static JsonObject Object(JsonNode? node, params string[] path) => Assert.IsType<JsonObject>(At(node, path));

    public static JsonArray Array(JsonNode? node, params string[] path) => Assert.IsType<JsonArray>(At(node, path));

    /// <summary>A lastReconciledSpec-style JSON string, parsed.</summary>
    public static JsonObject ParsedText(JsonNode? node, params string[] path) =>
        Assert.IsType<JsonObject>(JsonNode.Parse(Text(node, path) ?? throw new InvalidOperationException(string.Join('.', path) + " is missing")));
}
