using System.Text;

namespace Cmf.Core.Attribution;

/// <summary>
/// Text read from an object's metadata made safe to store and show: control and format characters (bidi overrides,
/// zero-width) become U+FFFD and the length is capped. Markup needs no care here: every page and response encodes.
/// </summary>
internal static class InertText
{
    public static string Of(string text, int maxLength)
    {
        var builder = new StringBuilder(Math.Min(text.Length, maxLength));
        foreach (var rune in text.EnumerateRunes())
        {
            if (builder.Length >= maxLength)
            {
                builder.Append('…');
                break;
            }
            var category = Rune.GetUnicodeCategory(rune);
            builder.Append(category is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator
                ? "\uFFFD"
                : rune.ToString());
        }
        return builder.ToString();
    }
}
