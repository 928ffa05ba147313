namespace Cmf.Dashboard.Api;

public enum CmfFilterTokenKind
{
    /// <summary>A key, a value or one of the words <c>in</c> and <c>notin</c>.</summary>
    Word,
    Comma,
    OpenParenthesis,
    CloseParenthesis,
    Not,
    Equal,
    NotEqual,
}

/// <summary>One token of a <c>filter</c>; <see cref="Position"/> counts characters from 1, as the error messages do.</summary>
public readonly record struct CmfFilterToken(CmfFilterTokenKind Kind, string Text, int Position);

/// <summary>
/// Splits a <c>filter</c> into tokens: words (letters, digits and <c>. _ - / *</c>), <c>, ( ) ! = == !=</c>; spaces
/// separate words and are otherwise ignored. Any other character is refused with its position.
/// </summary>
public static class CmfFilterTokenizer
{
    public static string? TryTokenize(string text, out IReadOnlyList<CmfFilterToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = new List<CmfFilterToken>();
        tokens = list;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var position = i + 1;
            if (c == ' ')
            {
                i++;
                continue;
            }
            if (IsWordCharacter(c))
            {
                var start = i;
                while (i < text.Length && IsWordCharacter(text[i]))
                {
                    i++;
                }
                list.Add(new CmfFilterToken(CmfFilterTokenKind.Word, text[start..i], position));
                continue;
            }
            var twoCharacters = i + 1 < text.Length ? text.Substring(i, 2) : "";
            (CmfFilterTokenKind Kind, int Length)? symbol = (c, twoCharacters) switch
            {
                (_, "!=") => (CmfFilterTokenKind.NotEqual, 2),
                (_, "==") => (CmfFilterTokenKind.Equal, 2),
                ('=', _) => (CmfFilterTokenKind.Equal, 1),
                ('!', _) => (CmfFilterTokenKind.Not, 1),
                (',', _) => (CmfFilterTokenKind.Comma, 1),
                ('(', _) => (CmfFilterTokenKind.OpenParenthesis, 1),
                (')', _) => (CmfFilterTokenKind.CloseParenthesis, 1),
                _ => null,
            };
            if (symbol is not { } found)
            {
                return $"filter has a character it does not allow at position {position}: {Describe(c)}; keys and values use letters, digits and . _ - / * only.";
            }
            list.Add(new CmfFilterToken(found.Kind, text.Substring(i, found.Length), position));
            i += found.Length;
        }
        return null;
    }

    private static bool IsWordCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/' or '*';

    private static string Describe(char c) =>
        char.IsControl(c) || char.IsWhiteSpace(c) || !char.IsAscii(c) ? $"U+{(int)c:X4}" : $"'{c}'";
}
