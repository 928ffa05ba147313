using System.Text;

namespace Cmf.Dashboard.Model;

/// <summary>
/// Invisible bidirectional controls (U+202E and friends) can make a YAML line read differently from what it
/// says. Code views show them as visible markers such as <c>⟨U+202E⟩</c>; names elsewhere are isolated with &lt;bdi&gt;.
/// </summary>
public static class BidiControls
{
    private static readonly System.Buffers.SearchValues<char> Controls = System.Buffers.SearchValues.Create(
        "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    public static string Reveal(string text)
    {
        if (!text.AsSpan().ContainsAny(Controls))
        {
            return text;
        }
        var revealed = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (Controls.Contains(c))
            {
                revealed.Append($"⟨U+{(int)c:X4}⟩");
            }
            else
            {
                revealed.Append(c);
            }
        }
        return revealed.ToString();
    }
}
