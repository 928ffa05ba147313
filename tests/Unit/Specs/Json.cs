using System.Text.Json.Nodes;

namespace Cmf.UnitTests.Specs;

/// <summary>Short JSON literals for tests whose data is a few keys.</summary>
internal static class Json
{
    public static JsonObject Object(string json) => JsonNode.Parse(json)!.AsObject();

    public static JsonNode? Node(string json) => JsonNode.Parse(json);
}
