using System.Globalization;
using System.Text;

namespace Cmf.Dashboard.Model;

/// <summary>The size of the two texts a diff compares, measured before any diffing, and whether it is within <see cref="SpecDiffLimits"/>.</summary>
public sealed record SpecLineDiffSize(long Bytes, int Lines)
{
    public bool IsTooLarge => Bytes > SpecLineDiffLimits.MaxBytes || Lines > SpecLineDiffLimits.MaxLines;

    /// <summary>What the page and the API say instead of a diff when <see cref="IsTooLarge"/>.</summary>
    public string TooLargeMessage => string.Create(CultureInfo.InvariantCulture,
        $"The two specs are too large to diff here: together they are {Bytes:N0} bytes in {Lines:N0} lines, and a diff takes at most "
        + $"{SpecLineDiffLimits.MaxBytes:N0} bytes and {SpecLineDiffLimits.MaxLines:N0} lines. Download both specs and compare them with a local tool.");

    /// <summary>Counts in one pass each, without splitting: a line ends at <c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>, as the diff splits them.</summary>
    public static SpecLineDiffSize Of(string? oldText, string? newText) =>
        new((long)Utf8Length(oldText) + Utf8Length(newText), LinesIn(oldText) + LinesIn(newText));

    private static int Utf8Length(string? text) => string.IsNullOrEmpty(text) ? 0 : Encoding.UTF8.GetByteCount(text);

    private static int LinesIn(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }
        var span = text.AsSpan();
        return span.Count('\n') + span.Count('\r') - span.Count("\r\n") + 1;
    }
}
