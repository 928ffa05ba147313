using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Cmf.Core.Specs;

/// <summary>
/// Reads a multi-document YAML stream (<c>---</c> separated, as kubectl takes it) into JSON nodes.
/// Plain scalars are typed by the YAML 1.2 core schema (<c>2</c> a number, <c>true</c> a boolean,
/// <c>null</c> and <c>~</c> null); quoted and block scalars, and <c>!!str</c>, stay strings. Numbers keep
/// their spelling when it is valid JSON. <c>.inf</c> and <c>.nan</c> stay strings (JSON has no such
/// numbers). Aliases are expanded; <c>&lt;&lt;</c> is an ordinary key (merge keys are YAML 1.1 only).
/// Empty documents are skipped.
/// </summary>
public static class YamlDocuments
{
    /// <summary>Expansion limit: a few aliases of aliases must not grow into a billion nodes.</summary>
    public const int MaxNodes = 1_000_000;

    public const int MaxDepth = 128;

    /// <exception cref="FormatException">The text is not YAML we can turn into JSON; the message gives the line.</exception>
    public static IReadOnlyList<JsonNode> ReadAll(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var parser = new Parser(new StringReader(yaml));
        var documents = new List<JsonNode>();
        try
        {
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out _))
            {
                var root = new DocumentBuilder(parser).ReadNode(depth: 0);
                parser.Consume<DocumentEnd>();
                if (root is not null)
                {
                    documents.Add(root);
                }
            }
            parser.Consume<StreamEnd>();
        }
        catch (YamlException ex)
        {
            throw new FormatException($"YAML line {ex.Start.Line}, column {ex.Start.Column}: {ex.Message}", ex);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner throws this for some broken flow collections (an unclosed "[").
            var near = parser.Current?.End ?? Mark.Empty;
            throw new FormatException($"YAML line {near.Line}, column {near.Column}: not valid YAML", ex);
        }
        return documents;
    }

    private sealed class DocumentBuilder(IParser parser)
    {
        private readonly Dictionary<string, (JsonNode? Node, int Size)> _anchors = new(StringComparer.Ordinal);
        private int _nodes;

        public JsonNode? ReadNode(int depth)
        {
            var start = parser.Current?.Start ?? Mark.Empty;
            if (depth > MaxDepth)
            {
                throw Error(start, $"nested deeper than {MaxDepth} levels");
            }
            if (parser.TryConsume<AnchorAlias>(out var alias))
            {
                return Expand(alias);
            }
            var nodesBefore = _nodes++;
            var anchor = parser.Current is NodeEvent { Anchor.IsEmpty: false } anchored ? anchored.Anchor.Value : null;
            JsonNode? node;
            if (parser.TryConsume<Scalar>(out var scalar))
            {
                node = ReadScalar(scalar);
            }
            else if (parser.TryConsume<SequenceStart>(out _))
            {
                var array = new JsonArray();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    array.Add(ReadNode(depth + 1));
                }
                node = array;
            }
            else if (parser.TryConsume<MappingStart>(out _))
            {
                node = ReadMapping(depth);
            }
            else
            {
                throw Error(start, "unexpected " + (parser.Current?.GetType().Name ?? "end of input"));
            }
            if (anchor is not null)
            {
                _anchors[anchor] = (node, _nodes - nodesBefore);
            }
            return node;
        }

        private JsonObject ReadMapping(int depth)
        {
            var mapping = new JsonObject();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyStart = parser.Current?.Start ?? Mark.Empty;
                if (!parser.TryConsume<Scalar>(out var key))
                {
                    throw Error(keyStart, "only scalar keys can become JSON; found a " + (parser.Current?.GetType().Name ?? "nothing"));
                }
                if (!mapping.TryAdd(key.Value, ReadNode(depth + 1)))
                {
                    throw Error(keyStart, "duplicate key " + JsonPathText.Quote(key.Value));
                }
            }
            return mapping;
        }

        private JsonNode? Expand(AnchorAlias alias)
        {
            if (!_anchors.TryGetValue(alias.Value.Value, out var anchored))
            {
                throw Error(alias.Start, "alias to an unknown anchor " + JsonPathText.Quote(alias.Value.Value));
            }
            _nodes += anchored.Size;
            if (_nodes > MaxNodes)
            {
                throw Error(alias.Start, $"aliases expand the document beyond {MaxNodes:N0} nodes");
            }
            return anchored.Node?.DeepClone();
        }

        private static JsonNode? ReadScalar(Scalar scalar)
        {
            var text = scalar.Value;
            switch (scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific ? null : scalar.Tag.Value)
            {
                case "tag:yaml.org,2002:str":
                    return JsonValue.Create(text);
                case "tag:yaml.org,2002:null":
                    return null;
                case "tag:yaml.org,2002:bool":
                    return YamlPlainScalars.TryCoreBoolean(text, out var flag) ? JsonValue.Create(flag) : throw Error(scalar.Start, "not a boolean");
                case "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float":
                    return YamlPlainScalars.CoreNumberAsJson(text) is { } tagged ? JsonNode.Parse(tagged) : throw Error(scalar.Start, "not a number");
            }
            if (scalar.Style != ScalarStyle.Plain || scalar.Tag.IsNonSpecific)
            {
                return JsonValue.Create(text);
            }
            if (YamlPlainScalars.IsCoreNull(text))
            {
                return null;
            }
            if (YamlPlainScalars.TryCoreBoolean(text, out var boolean))
            {
                return JsonValue.Create(boolean);
            }
            // Parsed, not converted: the number keeps its spelling (1.0 stays 1.0).
            return YamlPlainScalars.CoreNumberAsJson(text) is { } number ? JsonNode.Parse(number) : JsonValue.Create(text);
        }

        private static FormatException Error(Mark at, string problem) =>
            new($"YAML line {at.Line}, column {at.Column}: {problem}");
    }
}
