using System.Globalization;
using System.Text;

namespace Cmf.Core.Specs;

/// <summary>Spells JSON paths for error messages: <c>spec.job.parallelism</c>, <c>metadata.annotations["a/b"]</c>.</summary>
internal static class JsonPathText
{
    // Keys come from untrusted objects: an error message quotes at most this much of one.
    private const int MaxQuotedKeyLength = 64;

    public static string Child(string parent, string key)
    {
        if (IsIdentifier(key))
        {
            return parent.Length == 0 ? key : parent + "." + key;
        }
        return parent + "[" + Quote(key) + "]";
    }

    public static string Index(string parent, int index) =>
        parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private static bool IsIdentifier(string key)
    {
        if (key.Length == 0 || key.Length > MaxQuotedKeyLength || !(char.IsAsciiLetter(key[0]) || key[0] == '_'))
        {
            return false;
        }
        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A quoted, escaped and shortened copy of an untrusted string, safe to put in a message.</summary>
    public static string Quote(string key)
    {
        var builder = new StringBuilder(Math.Min(key.Length, MaxQuotedKeyLength) + 8).Append('"');
        foreach (var c in key.Length > MaxQuotedKeyLength ? key.AsSpan(0, MaxQuotedKeyLength) : key)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (char.IsControl(c) || char.IsSurrogate(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }
        if (key.Length > MaxQuotedKeyLength)
        {
            builder.Append("...");
        }
        return builder.Append('"').ToString();
    }
}
