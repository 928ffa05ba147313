using System.Text.Json.Nodes;

namespace Cmf.Simulator.Store.FieldManagement;

/// <summary>
/// A set of field paths in the FieldsV1 form of <c>metadata.managedFields</c> (sigs.k8s.io/structured-merge-diff
/// fieldpath.Set): children keyed <c>f:name</c> (a field), <c>k:{"uid":"..."}</c> (a list item by key) or
/// <c>v:"value"</c> (a set item); a node is a member when the path itself belongs to the set, written <c>"."</c> when
/// it also has children, and an empty object when it has none.
/// </summary>
internal sealed class FieldSet
{
    private readonly SortedDictionary<string, FieldSet> _children = new(StringComparer.Ordinal);

    public bool Member { get; set; }

    public bool IsEmpty => !Member && _children.Count == 0;

    public IEnumerable<KeyValuePair<string, FieldSet>> Children => _children;

    public FieldSet Child(string key)
    {
        if (!_children.TryGetValue(key, out var child))
        {
            child = new FieldSet();
            _children[key] = child;
        }
        return child;
    }

    public FieldSet? Find(string key) => _children.GetValueOrDefault(key);

    public void UnionWith(FieldSet other)
    {
        Member |= other.Member;
        foreach (var (key, child) in other._children)
        {
            Child(key).UnionWith(child);
        }
    }

    /// <summary>Removes every member path of <paramref name="other"/>; nodes left without members go.</summary>
    public void ExceptWith(FieldSet other)
    {
        if (other.Member)
        {
            Member = false;
        }
        foreach (var (key, child) in other._children)
        {
            if (_children.TryGetValue(key, out var mine))
            {
                mine.ExceptWith(child);
                if (mine.IsEmpty)
                {
                    _children.Remove(key);
                }
            }
        }
    }

    /// <summary>Drops every node that holds no member below it.</summary>
    public void Prune()
    {
        foreach (var (key, child) in _children.ToList())
        {
            child.Prune();
            if (child.IsEmpty)
            {
                _children.Remove(key);
            }
        }
    }

    public FieldSet Clone()
    {
        var copy = new FieldSet { Member = Member };
        foreach (var (key, child) in _children)
        {
            copy._children[key] = child.Clone();
        }
        return copy;
    }

    public JsonObject ToFieldsV1()
    {
        var json = new JsonObject();
        if (Member && _children.Count > 0)
        {
            json["."] = new JsonObject();
        }
        foreach (var (key, child) in _children)
        {
            json[key] = child.ToFieldsV1();
        }
        return json;
    }

    /// <summary>Reads a FieldsV1 object; a client's entries deeper than any recorded here are cut to leaves.</summary>
    public static FieldSet FromFieldsV1(JsonObject? json) => FromFieldsV1(json, depth: 0);

    private static FieldSet FromFieldsV1(JsonObject? json, int depth)
    {
        var set = new FieldSet();
        if (json is null || depth > FieldPaths.MaxPathDepth)
        {
            set.Member = json is not null;
            return set;
        }
        foreach (var (key, value) in json)
        {
            if (key == ".")
            {
                set.Member = true;
            }
            else if (value is JsonObject child)
            {
                var node = FromFieldsV1(child, depth + 1);
                node.Member |= child.Count == 0;
                set._children[key] = node;
            }
        }
        return set;
    }
}
