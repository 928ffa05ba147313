using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Cmf.UnitTests.RealWorld;

/// <summary>
/// Reads Python literals, as <c>ast.literal_eval</c> would, into JSON nodes: dicts with string keys (a repeated
/// key keeps its last value, as in Python), lists and tuples (arrays), <c>str</c> in either quote style, single or
/// triple, with Python's escapes, raw strings, and adjacent literals joined; decimal <c>int</c> and <c>float</c>;
/// <c>True</c>, <c>False</c> and <c>None</c>. Comments and trailing commas are allowed. Anything else (names,
/// calls, sets, bytes, complex numbers, <c>nan</c>) is refused with its line and column.
/// </summary>
internal sealed class PythonLiteral
{
    private const int MaxDepth = 128;

    private readonly string _text;
    private int _position;

    private PythonLiteral(string text) => _text = text;

    /// <summary>The text is one literal, with comments around it.</summary>
    /// <exception cref="FormatException">Not a literal we read; the message gives the line and column.</exception>
    public static JsonNode? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new PythonLiteral(text);
        var value = reader.ReadValue(depth: 0);
        reader.ExpectEnd();
        return value;
    }

    /// <summary>The text is one assignment <c>NAME = literal</c>, as a fixture module holds it.</summary>
    /// <exception cref="FormatException">Not such an assignment; the message gives the line and column.</exception>
    public static (string Name, JsonNode? Value) ParseAssignment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new PythonLiteral(text);
        reader.SkipBlanks();
        var name = reader.ReadIdentifier() ?? throw reader.Error("expected a name to assign to");
        reader.SkipBlanks();
        reader.Expect('=', "after the name " + name);
        var value = reader.ReadValue(depth: 0);
        reader.ExpectEnd();
        return (name, value);
    }

    private char Current => _position < _text.Length ? _text[_position] : '\0';

    private bool AtEnd => _position >= _text.Length;

    private JsonNode? ReadValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error($"nested deeper than {MaxDepth} levels");
        }
        SkipBlanks();
        if (AtEnd)
        {
            throw Error("expected a value, found the end of the text");
        }
        var c = Current;
        switch (c)
        {
            case '{':
                return ReadDict(depth);
            case '[':
                return ReadSequence(depth, ']');
            case '(':
                return ReadParenthesised(depth);
            case '\'' or '"':
                return JsonValue.Create(ReadStrings());
        }
        if (char.IsAsciiDigit(c) || c is '-' or '+' || (c == '.' && char.IsAsciiDigit(Peek(1))))
        {
            return ReadNumber();
        }
        if (IsStringPrefix())
        {
            return JsonValue.Create(ReadStrings());
        }
        var start = _position;
        var name = ReadIdentifier() ?? throw Error($"unexpected character '{c}'");
        return name switch
        {
            "True" => JsonValue.Create(true),
            "False" => JsonValue.Create(false),
            "None" => null,
            _ => throw ErrorAt(start, $"'{name}' is a name, not a literal"),
        };
    }

    private JsonObject ReadDict(int depth)
    {
        _position++;
        var dict = new JsonObject();
        while (true)
        {
            SkipBlanks();
            if (TryConsume('}'))
            {
                return dict;
            }
            var keyStart = _position;
            var key = ReadValue(depth + 1);
            if (key is not JsonValue value || !value.TryGetValue(out string? text))
            {
                throw ErrorAt(keyStart, "a dict key must be a str to become a JSON property name");
            }
            SkipBlanks();
            Expect(':', "after a dict key");
            dict[text] = ReadValue(depth + 1);
            if (!ReadSeparator('}'))
            {
                return dict;
            }
        }
    }

    private JsonArray ReadSequence(int depth, char close)
    {
        _position++;
        return ReadItems(new JsonArray(), depth, close);
    }

    // "(1, 2)" and "(1,)" are tuples, "()" is the empty tuple, but "(1)" is just 1 in parentheses.
    private JsonNode? ReadParenthesised(int depth)
    {
        _position++;
        SkipBlanks();
        if (TryConsume(')'))
        {
            return new JsonArray();
        }
        var first = ReadValue(depth + 1);
        SkipBlanks();
        if (TryConsume(')'))
        {
            return first;
        }
        Expect(',', "or ')' after the first item of a tuple");
        return ReadItems(new JsonArray { first }, depth, ')');
    }

    /// <summary>Items up to the closing bracket, each followed by a comma or by the bracket.</summary>
    private JsonArray ReadItems(JsonArray items, int depth, char close)
    {
        while (true)
        {
            SkipBlanks();
            if (TryConsume(close))
            {
                return items;
            }
            items.Add(ReadValue(depth + 1));
            if (!ReadSeparator(close))
            {
                return items;
            }
        }
    }

    /// <summary>After an item: a comma (true: more may follow) or the closing bracket (false: consumed).</summary>
    private bool ReadSeparator(char close)
    {
        SkipBlanks();
        if (TryConsume(','))
        {
            return true;
        }
        if (TryConsume(close))
        {
            return false;
        }
        throw Error(AtEnd ? $"expected ',' or '{close}', found the end of the text" : $"expected ',' or '{close}', found '{Current}'");
    }

    /// <summary>One or more string literals side by side, joined as Python joins them.</summary>
    private string ReadStrings()
    {
        var joined = new StringBuilder();
        do
        {
            joined.Append(ReadString());
            SkipBlanks();
        }
        while (Current is '\'' or '"' || IsStringPrefix());
        return joined.ToString();
    }

    private bool IsStringPrefix()
    {
        var length = 0;
        while (length < 2 && char.IsAsciiLetter(Peek(length)))
        {
            length++;
        }
        return length > 0 && Peek(length) is '\'' or '"'
            && _text.AsSpan(_position, length).ToString().ToLowerInvariant() is "r" or "u" or "b" or "f" or "rb" or "br" or "fr" or "rf";
    }

    private string ReadString()
    {
        var start = _position;
        var raw = false;
        while (char.IsAsciiLetter(Current))
        {
            switch (char.ToLowerInvariant(Current))
            {
                case 'r':
                    raw = true;
                    break;
                case 'b':
                    throw ErrorAt(start, "a bytes literal cannot become JSON text");
                case 'f':
                    throw ErrorAt(start, "an f-string is an expression, not a literal");
            }
            _position++;
        }
        var quote = Current;
        var triple = Peek(1) == quote && Peek(2) == quote;
        _position += triple ? 3 : 1;
        var text = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw ErrorAt(start, "a string that is never closed");
            }
            var c = Current;
            if (c == quote && (!triple || (Peek(1) == quote && Peek(2) == quote)))
            {
                _position += triple ? 3 : 1;
                return text.ToString();
            }
            if (c == '\n' && !triple)
            {
                throw ErrorAt(start, "a string that is not closed on its line");
            }
            if (c == '\\')
            {
                if (raw)
                {
                    // A raw string keeps the backslash, and a quote after it does not end the string.
                    text.Append(c);
                    _position++;
                    if (!AtEnd)
                    {
                        text.Append(Current);
                        _position++;
                    }
                    continue;
                }
                ReadEscape(text);
                continue;
            }
            text.Append(c);
            _position++;
        }
    }

    private void ReadEscape(StringBuilder text)
    {
        var start = _position;
        _position++;
        if (AtEnd)
        {
            throw ErrorAt(start, "a backslash at the end of the text");
        }
        var c = Current;
        _position++;
        switch (c)
        {
            case '\n':
                return;
            case '\\' or '\'' or '"':
                text.Append(c);
                return;
            case 'a':
                text.Append('\a');
                return;
            case 'b':
                text.Append('\b');
                return;
            case 'f':
                text.Append('\f');
                return;
            case 'n':
                text.Append('\n');
                return;
            case 'r':
                text.Append('\r');
                return;
            case 't':
                text.Append('\t');
                return;
            case 'v':
                text.Append('\v');
                return;
            case 'x':
                AppendCodePoint(text, ReadHex(2, start), start);
                return;
            case 'u':
                AppendCodePoint(text, ReadHex(4, start), start);
                return;
            case 'U':
                AppendCodePoint(text, ReadHex(8, start), start);
                return;
            case 'N':
                throw ErrorAt(start, @"named escapes (\N{...}) are not supported");
        }
        if (c is >= '0' and <= '7')
        {
            var value = c - '0';
            for (var i = 0; i < 2 && Current is >= '0' and <= '7'; i++)
            {
                value = (value * 8) + (Current - '0');
                _position++;
            }
            AppendCodePoint(text, value, start);
            return;
        }
        // Python keeps an unknown escape as it is written.
        text.Append('\\').Append(c);
    }

    private int ReadHex(int digits, int escapeStart)
    {
        if (_position + digits > _text.Length
            || !int.TryParse(_text.AsSpan(_position, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            throw ErrorAt(escapeStart, $"expected {digits} hex digits after the escape");
        }
        _position += digits;
        return value;
    }

    private void AppendCodePoint(StringBuilder text, int codePoint, int escapeStart)
    {
        if (codePoint is < 0 or > 0x10FFFF || (codePoint is >= 0xD800 and <= 0xDFFF))
        {
            throw ErrorAt(escapeStart, "the escape names no Unicode scalar value JSON text can hold");
        }
        text.Append(char.ConvertFromUtf32(codePoint));
    }

    /// <summary>A decimal int or float, returned as a JSON number keeping its digits.</summary>
    private JsonNode ReadNumber()
    {
        var start = _position;
        var sign = "";
        if (Current is '-' or '+')
        {
            sign = Current == '-' ? "-" : "";
            _position++;
            SkipBlanks();
        }
        var integer = ReadDigits();
        var fraction = "";
        if (Current == '.')
        {
            _position++;
            fraction = ReadDigits();
            fraction = fraction.Length == 0 ? ".0" : "." + fraction;
        }
        var exponent = "";
        if (Current is 'e' or 'E')
        {
            _position++;
            var expSign = Current is '-' or '+' ? Current.ToString() : "";
            _position += expSign.Length;
            var expDigits = ReadDigits();
            if (expDigits.Length == 0)
            {
                throw ErrorAt(start, "a float whose exponent has no digits");
            }
            exponent = "e" + expSign + expDigits;
        }
        if (integer.Length == 0 && fraction.Length == 0)
        {
            throw ErrorAt(start, "expected a number");
        }
        if (char.IsAsciiLetter(Current) || Current == '_')
        {
            throw ErrorAt(start, "only decimal int and float literals are read (no 0x, 0o, 0b, j or suffixes)");
        }
        if (fraction.Length == 0 && exponent.Length == 0 && integer.Length > 1 && integer[0] == '0' && integer.Any(d => d != '0'))
        {
            throw ErrorAt(start, "a decimal int cannot start with 0");
        }
        return JsonNode.Parse(sign + (integer.Length == 0 ? "0" : integer) + fraction + exponent)!;
    }

    private string ReadDigits()
    {
        var digits = new StringBuilder();
        while (char.IsAsciiDigit(Current) || (Current == '_' && char.IsAsciiDigit(Peek(1)) && digits.Length > 0))
        {
            if (Current != '_')
            {
                digits.Append(Current);
            }
            _position++;
        }
        return digits.ToString();
    }

    private string? ReadIdentifier()
    {
        var start = _position;
        if (!(char.IsAsciiLetter(Current) || Current == '_'))
        {
            return null;
        }
        while (char.IsAsciiLetterOrDigit(Current) || Current == '_')
        {
            _position++;
        }
        return _text[start.._position];
    }

    /// <summary>Whitespace, line breaks and comments.</summary>
    private void SkipBlanks()
    {
        while (!AtEnd)
        {
            if (char.IsWhiteSpace(Current))
            {
                _position++;
            }
            else if (Current == '#')
            {
                while (!AtEnd && Current != '\n')
                {
                    _position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private bool TryConsume(char c)
    {
        if (AtEnd || Current != c)
        {
            return false;
        }
        _position++;
        return true;
    }

    private void Expect(char c, string where)
    {
        if (!TryConsume(c))
        {
            throw Error(AtEnd ? $"expected '{c}' {where}, found the end of the text" : $"expected '{c}' {where}, found '{Current}'");
        }
    }

    private void ExpectEnd()
    {
        SkipBlanks();
        if (!AtEnd)
        {
            throw Error($"unexpected '{Current}' after the literal");
        }
    }

    private char Peek(int offset) => _position + offset < _text.Length ? _text[_position + offset] : '\0';

    private FormatException Error(string problem) => ErrorAt(_position, problem);

    private FormatException ErrorAt(int position, string problem)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < position && i < _text.Length; i++)
        {
            if (_text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return new FormatException($"Python literal line {line}, column {position - lineStart + 1}: {problem}");
    }
}
