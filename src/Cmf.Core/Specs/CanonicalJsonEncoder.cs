using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Cmf.Core.Specs;

/// <summary>
/// Escapes only what JSON requires (quote, backslash, C0 controls) plus characters a reader cannot
/// see: DEL and C1 controls, line/paragraph separators and Unicode format characters (bidi overrides,
/// zero-width spaces), so a diff never hides them. Everything else, emoji included, stays literal;
/// the built-in encoders escape every character outside the Basic Multilingual Plane.
/// </summary>
internal sealed class CanonicalJsonEncoder : JavaScriptEncoder
{
    // Printable ASCII but the quote and the backslash: a vectorised scan skips these, and only what
    // it stops at (a character to escape, or any non-ASCII one) is decoded and looked at.
    private const string PlainAscii =
        " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";

    private static readonly SearchValues<char> PlainChars = SearchValues.Create(PlainAscii);
    private static readonly SearchValues<byte> PlainBytes = SearchValues.Create(PlainAscii.Select(c => (byte)c).ToArray());

    public static CanonicalJsonEncoder Instance { get; } = new();

    private CanonicalJsonEncoder()
    {
    }

    // An astral character escapes to two \uXXXX sequences.
    public override int MaxOutputCharactersPerInputCharacter => 12;

    public override bool WillEncode(int unicodeScalar) => MustEscape(unicodeScalar);

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var span = new ReadOnlySpan<char>(text, textLength);
        for (var i = 0; ;)
        {
            var next = span[i..].IndexOfAnyExcept(PlainChars);
            if (next < 0)
            {
                return -1;
            }
            i += next;
            if (Rune.DecodeFromUtf16(span[i..], out var rune, out var used) != OperationStatus.Done || MustEscape(rune.Value))
            {
                return i;
            }
            i += used;
        }
    }

    public override int FindFirstCharacterToEncodeUtf8(ReadOnlySpan<byte> utf8Text)
    {
        for (var i = 0; ;)
        {
            var next = utf8Text[i..].IndexOfAnyExcept(PlainBytes);
            if (next < 0)
            {
                return -1;
            }
            i += next;
            if (Rune.DecodeFromUtf8(utf8Text[i..], out var rune, out var used) != OperationStatus.Done || MustEscape(rune.Value))
            {
                return i;
            }
            i += used;
        }
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var destination = new Span<char>(buffer, bufferLength);
        var shortForm = unicodeScalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\b' => "\\b",
            '\f' => "\\f",
            _ => null,
        };
        if (shortForm is not null)
        {
            return TryCopy(shortForm, destination, out numberOfCharactersWritten);
        }
        Span<char> units = stackalloc char[2];
        var count = new Rune(unicodeScalar).EncodeToUtf16(units);
        numberOfCharactersWritten = 0;
        if (destination.Length < count * 6)
        {
            return false;
        }
        for (var i = 0; i < count; i++)
        {
            "\\u".CopyTo(destination[numberOfCharactersWritten..]);
            ((int)units[i]).TryFormat(destination[(numberOfCharactersWritten + 2)..], out _, "X4", CultureInfo.InvariantCulture);
            numberOfCharactersWritten += 6;
        }
        return true;
    }

    /// <summary>True for scalars canonical JSON escapes; YAML rendering escapes the same invisible ones.</summary>
    internal static bool MustEscape(int scalar) =>
        scalar < 0x20 || scalar == '"' || scalar == '\\' || IsInvisible(scalar);

    /// <summary>
    /// Characters that change or hide what a reader sees without being visible themselves. The zero-width
    /// joiner and non-joiner are format characters too, but emoji sequences and several scripts need them.
    /// </summary>
    internal static bool IsInvisible(int scalar)
    {
        if (scalar < 0x7f || scalar is 0x200c or 0x200d)
        {
            return false;
        }
        if (scalar <= 0x9f || scalar is 0x2028 or 0x2029 or 0xfffe or 0xffff)
        {
            return true;
        }
        return Rune.IsValid(scalar) && Rune.GetUnicodeCategory(new Rune(scalar)) == UnicodeCategory.Format;
    }

    private static bool TryCopy(string text, Span<char> destination, out int written)
    {
        written = text.TryCopyTo(destination) ? text.Length : 0;
        return written > 0;
    }
}
