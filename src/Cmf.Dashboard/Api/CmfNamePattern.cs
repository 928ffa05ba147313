namespace Cmf.Dashboard.Api;

/// <summary>CMF's name pattern (<c>name=foo*bar</c>): <c>*</c> stands for any run of characters, every other character for itself.</summary>
public static class CmfNamePattern
{
    public static bool Matches(string pattern, string name)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(name);
        var parts = pattern.Split('*');
        if (parts.Length == 1)
        {
            return name == pattern;
        }
        if (!name.StartsWith(parts[0], StringComparison.Ordinal) || !name.EndsWith(parts[^1], StringComparison.Ordinal)
            || name.Length < parts[0].Length + parts[^1].Length)
        {
            return false;
        }
        // Greedy left to right is exact for '*' alone: each middle part is taken at its first place after the last.
        var at = parts[0].Length;
        var end = name.Length - parts[^1].Length;
        foreach (var part in parts[1..^1])
        {
            var found = name.IndexOf(part, at, end - at, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }
            at = found + part.Length;
        }
        return true;
    }
}
