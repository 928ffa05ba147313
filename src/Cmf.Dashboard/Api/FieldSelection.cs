using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Cmf.Dashboard.Api;

/// <summary>
/// CMF's <c>fields</c> query parameter on lists: "Comma-separated list of field paths to include in the response.
/// Supports nested fields using dot notation. Always includes apiVersion and kind". A path selects the whole value at
/// it (<c>metadata</c> keeps all metadata); a path the item does not have selects nothing. Without <c>fields</c>, every
/// field is included. A list leaves the specs out when no path reaches them, and does not even read them.
/// </summary>
public sealed partial class FieldSelection
{
    public const string Parameter = "fields";
    public const int MaxPaths = 32;
    public const int MaxPathLength = 128;

    private static readonly string[] AlwaysIncluded = ["apiVersion", "kind"];

    private readonly IReadOnlyList<string[]>? _paths;

    private FieldSelection(IReadOnlyList<string[]>? paths) => _paths = paths;

    public static FieldSelection All { get; } = new(null);

    public bool IsAll => _paths is null;

    public static string? TryParse(IQueryCollection query, out FieldSelection selection)
    {
        ArgumentNullException.ThrowIfNull(query);
        selection = All;
        if (!query.TryGetValue(Parameter, out var values))
        {
            return null;
        }
        var problem = $"fields must be one comma-separated list of at most {MaxPaths} dotted paths such as metadata.name,status.jobStatus";
        var paths = values.Count == 1 ? (values[0] ?? "").Split(',', StringSplitOptions.TrimEntries) : [];
        if (values.Count != 1 || paths.Length > MaxPaths)
        {
            return $"{problem}, given once.";
        }
        if (paths.FirstOrDefault(p => p.Length > MaxPathLength || !FieldPath().IsMatch(p)) is { } bad)
        {
            return $"{problem} (letters, digits, '-' and '_' between the dots); got {ApiText.Quote(bad)}.";
        }
        selection = new FieldSelection([.. paths.Concat(AlwaysIncluded).Distinct(StringComparer.Ordinal).Select(p => p.Split('.'))]);
        return null;
    }

    /// <summary>Whether any of the field at <paramref name="path"/> (dotted) is included: the field itself, a field inside it, or one around it.</summary>
    public bool Includes(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (_paths is null)
        {
            return true;
        }
        var segments = path.Split('.');
        return _paths.Any(p => p.AsSpan().StartsWith(segments) || segments.AsSpan().StartsWith(p));
    }

    /// <summary>The item as it is written, with only the selected fields (all of them when <see cref="IsAll"/>).</summary>
    public JsonObject Project<T>(T item)
    {
        var whole = JsonSerializer.SerializeToNode(item, ApiJson.Options) as JsonObject ?? [];
        if (_paths is null)
        {
            return whole;
        }
        var projected = new JsonObject();
        // Shorter paths first: a path inside one already copied adds nothing.
        foreach (var path in _paths.OrderBy(p => p.Length))
        {
            Copy(whole, projected, path);
        }
        return projected;
    }

    /// <summary>Moves the value at <paramref name="path"/> (the item was serialised for this answer alone), with its parents.</summary>
    private static void Copy(JsonObject from, JsonObject to, string[] path)
    {
        // Find the value first: a path the item does not have adds nothing, not even empty parents.
        for (var i = 0; i < path.Length - 1; i++)
        {
            if (from[path[i]] is not JsonObject next)
            {
                return;
            }
            from = next;
        }
        if (!from.TryGetPropertyValue(path[^1], out var value) || value is null)
        {
            return;
        }
        for (var i = 0; i < path.Length - 1; i++)
        {
            if (!to.TryGetPropertyValue(path[i], out var parent))
            {
                parent = new JsonObject();
                to[path[i]] = parent;
            }
            to = parent as JsonObject ?? throw new InvalidOperationException("A shorter path took this value whole.");
        }
        from.Remove(path[^1]);
        to[path[^1]] = value;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldPath();
}
