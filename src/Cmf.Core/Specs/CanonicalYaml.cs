using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cmf.Core.Specs;

/// <summary>
/// Block-style YAML for reading and diffing specs: keys in canonical order, null members left out, one
/// key per line, two-space indentation. A string is written plain only when every YAML parser reads it
/// back as the same string; otherwise it is double-quoted (<c>"2"</c>, <c>"true"</c>, <c>"on"</c>,
/// <c>"- x"</c>, <c>"a: b"</c>, <c>"#x"</c>, leading or trailing spaces), or, when it has line breaks,
/// written as a literal block (<c>|</c>, <c>|-</c>) if that keeps it exactly. Invisible characters
/// (controls, bidi overrides, zero-width spaces) are always escaped, so a diff cannot hide them.
/// </summary>
public static class CanonicalYaml
{
    private const int Indentation = 2;

    // YAML limits implicit keys to 1024 characters; longer ones need the explicit "? key" form.
    private const int MaxImplicitKeyLength = 1000;

    public static string Render(JsonNode? node) => Write(node, marks: null).ToString();

    /// <summary>
    /// The lines of <see cref="Render"/>, each with the path of the member or list item it belongs to, spelled as
    /// <see cref="EnvironmentDefaults.MatchingPaths"/> spells them (<c>job.parallelism</c>, <c>flinkConfiguration["a.b"]</c>,
    /// <c>job.args[0]</c>; "" for a document that is a single scalar). A literal block's lines belong to its member.
    /// </summary>
    public static IReadOnlyList<CanonicalYamlLine> RenderLines(JsonNode? node)
    {
        var marks = new List<(int Offset, string Path)>();
        var text = Write(node, marks).ToString();
        var lines = new List<CanonicalYamlLine>();
        var mark = -1;
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            // A line belongs to the last member that begins on it or before it.
            while (mark + 1 < marks.Count && marks[mark + 1].Offset < end)
            {
                mark++;
            }
            lines.Add(new CanonicalYamlLine(text[start..end], mark < 0 ? "" : marks[mark].Path));
            start = end + 1;
        }
        return lines;
    }

    // marks, when given, collects where each member and list item begins and its path (a path is spelled only then).
    private static StringBuilder Write(JsonNode? node, List<(int Offset, string Path)>? marks)
    {
        var output = new StringBuilder();
        var path = marks is null ? null : "";
        if (IsNonEmptyObject(node))
        {
            WriteMapping(output, (JsonObject)node!, 0, firstLineIndented: true, path, marks);
        }
        else if (node is JsonArray { Count: > 0 } array)
        {
            WriteSequence(output, array, 0, path, marks);
        }
        else
        {
            WriteInline(output, node, Indentation);
            output.Append('\n');
        }
        return output;
    }

    private static void WriteMapping(StringBuilder output, JsonObject obj, int indent, bool firstLineIndented, string? path, List<(int, string)>? marks)
    {
        var members = CanonicalOrder.Rent(obj, out var count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var childPath = path is null ? null : JsonPathText.Child(path, members[i].Key);
                marks?.Add((output.Length, childPath!));
                if (i > 0 || firstLineIndented)
                {
                    output.Append(' ', indent);
                }
                WriteKey(output, members[i].Key, indent);
                WriteValue(output, members[i].Value, indent, childPath, marks);
            }
        }
        finally
        {
            CanonicalOrder.Return(members, count);
        }
    }

    private static void WriteSequence(StringBuilder output, JsonArray array, int indent, string? path, List<(int, string)>? marks)
    {
        for (var i = 0; i < array.Count; i++)
        {
            var item = array[i];
            var itemPath = path is null ? null : JsonPathText.Index(path, i);
            marks?.Add((output.Length, itemPath!));
            output.Append(' ', indent).Append('-');
            if (IsNonEmptyObject(item))
            {
                output.Append(' ');
                WriteMapping(output, (JsonObject)item!, indent + Indentation, firstLineIndented: false, itemPath, marks);
            }
            else
            {
                WriteValue(output, item, indent, itemPath, marks);
            }
        }
    }

    // Writes what follows "key:" or "-" on a line at indentation `indent`, through the final line break.
    private static void WriteValue(StringBuilder output, JsonNode? value, int indent, string? path, List<(int, string)>? marks)
    {
        if (IsNonEmptyObject(value))
        {
            output.Append('\n');
            WriteMapping(output, (JsonObject)value!, indent + Indentation, firstLineIndented: true, path, marks);
        }
        else if (value is JsonArray { Count: > 0 } array)
        {
            output.Append('\n');
            WriteSequence(output, array, indent + Indentation, path, marks);
        }
        else
        {
            output.Append(' ');
            WriteInline(output, value, indent + Indentation);
            output.Append('\n');
        }
    }

    private static void WriteKey(StringBuilder output, string key, int indent)
    {
        var start = output.Length;
        WriteString(output, key, blockIndent: -1);
        if (output.Length - start <= MaxImplicitKeyLength)
        {
            output.Append(':');
            return;
        }
        output.Insert(start, "? ").Append('\n').Append(' ', indent).Append(':');
    }

    // A scalar, an empty collection or null, on the current line (a literal block continues below it).
    private static void WriteInline(StringBuilder output, JsonNode? value, int blockIndent)
    {
        switch (value)
        {
            case null:
                output.Append("null");
                break;
            case JsonObject:
                output.Append("{}");
                break;
            case JsonArray:
                output.Append("[]");
                break;
            default:
                switch (value.GetValueKind())
                {
                    case JsonValueKind.String:
                        WriteString(output, value.GetValue<string>(), blockIndent);
                        break;
                    case JsonValueKind.True:
                        output.Append("true");
                        break;
                    case JsonValueKind.False:
                        output.Append("false");
                        break;
                    default:
                        // Numbers as written: JSON's number syntax is a subset of YAML's.
                        output.Append(value.ToJsonString());
                        break;
                }
                break;
        }
    }

    // blockIndent < 0: a literal block is not allowed here (keys).
    private static void WriteString(StringBuilder output, string text, int blockIndent)
    {
        if (IsPlainSafe(text))
        {
            output.Append(text);
        }
        else if (blockIndent >= 0 && LiteralBlockChomping(text) is { } chomping)
        {
            output.Append('|').Append(chomping);
            var body = chomping.Length == 0 ? text.AsSpan(0, text.Length - 1) : text.AsSpan();
            foreach (var line in body.EnumerateLines())
            {
                output.Append('\n');
                if (!line.IsEmpty)
                {
                    output.Append(' ', blockIndent).Append(line);
                }
            }
        }
        else
        {
            WriteDoubleQuoted(output, text);
        }
    }

    private static bool IsPlainSafe(string text)
    {
        if (text.Length == 0 || YamlPlainScalars.ResolvesToNonString(text))
        {
            return false;
        }
        var first = text[0];
        var indicator = "-?:,[]{}#&*!|>'\"%@`".Contains(first, StringComparison.Ordinal);
        // "-" may start plain text (--input, -Xmx1g) unless a blank follows it or it starts a document marker.
        var plainDash = first == '-' && text.Length > 1 && !char.IsWhiteSpace(text[1]) && !text.StartsWith("---", StringComparison.Ordinal);
        if ((indicator && !plainDash)
            || char.IsWhiteSpace(first) || char.IsWhiteSpace(text[^1]) || text[^1] == ':'
            || text.StartsWith("...", StringComparison.Ordinal)
            || text.Contains(": ", StringComparison.Ordinal) || text.Contains(" #", StringComparison.Ordinal))
        {
            return false;
        }
        return AllPrintable(text, allowLineBreaksAndTabs: false);
    }

    // "" (clip) when the text ends with one line break, "-" (strip) when it ends with none, null when a
    // literal block would not give the text back exactly.
    private static string? LiteralBlockChomping(string text)
    {
        if (!text.Contains('\n', StringComparison.Ordinal) || text.EndsWith("\n\n", StringComparison.Ordinal)
            || !AllPrintable(text, allowLineBreaksAndTabs: true))
        {
            return null;
        }
        var hasContent = false;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (line.IsEmpty)
            {
                continue;
            }
            // A line of blanks, or a blank leading the first line, would confuse indentation detection.
            if (line.IsWhiteSpace() || (!hasContent && char.IsWhiteSpace(line[0])))
            {
                return null;
            }
            hasContent = true;
        }
        return !hasContent ? null : text[^1] == '\n' ? "" : "-";
    }

    private static bool AllPrintable(string text, bool allowLineBreaksAndTabs)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= ' ' and < '\u007f')
            {
                continue;
            }
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used) != OperationStatus.Done)
            {
                return false;
            }
            if (rune.Value < 0x20 ? !(allowLineBreaksAndTabs && c is '\n' or '\t') : CanonicalJsonEncoder.IsInvisible(rune.Value))
            {
                return false;
            }
            i += used - 1;
        }
        return true;
    }

    private static void WriteDoubleQuoted(StringBuilder output, string text)
    {
        output.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var status = Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used);
            var value = status == OperationStatus.Done ? rune.Value : 0xfffd;
            var shortForm = value switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ => null,
            };
            if (shortForm is not null)
            {
                output.Append(shortForm);
            }
            else if (value < 0x20 || CanonicalJsonEncoder.IsInvisible(value))
            {
                output.Append(value <= 0xffff ? "\\u" : "\\U")
                    .Append(value.ToString(value <= 0xffff ? "X4" : "X8", CultureInfo.InvariantCulture));
            }
            else if (status == OperationStatus.Done)
            {
                output.Append(text, i, used);
            }
            else
            {
                output.Append('\ufffd');
            }
            i += used - 1;
        }
        output.Append('"');
    }

    private static bool IsNonEmptyObject(JsonNode? node)
    {
        if (node is not JsonObject obj)
        {
            return false;
        }
        foreach (var member in obj)
        {
            if (member.Value is not null)
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>One line of canonical YAML and the path of the member or list item it belongs to.</summary>
public sealed record CanonicalYamlLine(string Text, string Path);
