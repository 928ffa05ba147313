namespace Cmf.Dashboard.Api;

/// <summary>
/// Parses CMF's <c>filter</c> ("comma-separated expressions", as in Kubernetes label selectors):
/// <code>
/// filter      = requirement *( "," requirement )
/// requirement = key ( "=" / "==" / "!=" ) value
///             / key ( "in" / "notin" ) "(" value *( "," value ) ")"
///             / key / "!" key
/// </code>
/// Parentheses only enclose the values of <c>in</c> and <c>notin</c>, so they never nest. The parser reads the tokens
/// once, left to right, without recursion; the text and the lists are bounded before anything is built. Which keys,
/// operators and values a list takes is <see cref="CmfFilterFields"/>' business.
/// </summary>
public static class CmfFilterParser
{
    public const int MaxLength = 1024;
    public const int MaxRequirements = 32;
    public const int MaxValues = 64;

    private const string In = "in";
    private const string NotIn = "notin";

    public static string? TryParse(string text, out CmfFilter filter)
    {
        ArgumentNullException.ThrowIfNull(text);
        filter = CmfFilter.None;
        if (text.Length > MaxLength)
        {
            return $"filter is {text.Length} characters long; it may be at most {MaxLength}.";
        }
        if (CmfFilterTokenizer.TryTokenize(text, out var tokens) is { } tokenError)
        {
            return tokenError;
        }
        if (tokens.Count == 0)
        {
            return "filter is empty; give comma-separated expressions such as name=prod*,state in (RUNNING, FAILED).";
        }
        var reader = new TokenReader(tokens);
        var requirements = new List<CmfFilterRequirement>();
        while (true)
        {
            if (requirements.Count == MaxRequirements)
            {
                return $"filter has more than {MaxRequirements} expressions.";
            }
            if (ReadRequirement(reader, out var requirement) is { } error)
            {
                return error;
            }
            requirements.Add(requirement);
            if (reader.AtEnd)
            {
                filter = new CmfFilter(requirements);
                return null;
            }
            if (reader.Next() is not { Kind: CmfFilterTokenKind.Comma } separator)
            {
                return Unexpected(reader.Last, "a ',' before the next expression");
            }
            if (reader.AtEnd)
            {
                return $"filter ends with ',' at position {separator.Position}; an expression must follow it.";
            }
        }
    }

    private static string? ReadRequirement(TokenReader reader, out CmfFilterRequirement requirement)
    {
        requirement = null!;
        var first = reader.Next();
        var negated = first.Kind == CmfFilterTokenKind.Not;
        var key = negated ? reader.NextOrEnd() : first;
        if (key is not { Kind: CmfFilterTokenKind.Word } keyToken)
        {
            return key is null ? "filter ends after '!'; a label key must follow it." : Unexpected(key.Value, "a key such as name, state, type or labels.<key>");
        }
        if (negated || reader.AtEnd || reader.Peek().Kind == CmfFilterTokenKind.Comma)
        {
            requirement = new CmfFilterRequirement(keyToken.Text, negated ? CmfFilterOperator.DoesNotExist : CmfFilterOperator.Exists, []);
            return null;
        }
        var op = reader.Next();
        switch (op.Kind)
        {
            case CmfFilterTokenKind.Equal or CmfFilterTokenKind.NotEqual:
                if (reader.NextOrEnd() is not { Kind: CmfFilterTokenKind.Word } value)
                {
                    return reader.AtEndAfterLast
                        ? $"filter ends after '{op.Text}' at position {op.Position}; a value must follow it."
                        : Unexpected(reader.Last, $"a value after '{op.Text}'");
                }
                requirement = new CmfFilterRequirement(keyToken.Text, op.Kind == CmfFilterTokenKind.Equal ? CmfFilterOperator.Equal : CmfFilterOperator.NotEqual, [value.Text]);
                return null;
            case CmfFilterTokenKind.Word when op.Text is In or NotIn:
                if (ReadValueSet(reader, op, out var values) is { } setError)
                {
                    return setError;
                }
                requirement = new CmfFilterRequirement(keyToken.Text, op.Text == In ? CmfFilterOperator.In : CmfFilterOperator.NotIn, values);
                return null;
            default:
                return Unexpected(op, $"=, !=, in or notin after the key '{keyToken.Text}'");
        }
    }

    private static string? ReadValueSet(TokenReader reader, CmfFilterToken op, out IReadOnlyList<string> values)
    {
        var list = new List<string>();
        values = list;
        if (reader.NextOrEnd() is not { Kind: CmfFilterTokenKind.OpenParenthesis } open)
        {
            return reader.AtEndAfterLast
                ? $"filter ends after '{op.Text}' at position {op.Position}; a list such as (A, B) must follow it."
                : Unexpected(reader.Last, $"'(' after '{op.Text}'");
        }
        while (true)
        {
            var token = reader.NextOrEnd();
            if (token is null)
            {
                return $"filter has unbalanced parentheses: '(' at position {open.Position} is never closed.";
            }
            if (token.Value.Kind == CmfFilterTokenKind.OpenParenthesis)
            {
                return $"filter has '(' at position {token.Value.Position} inside the list opened at {open.Position}; parentheses only enclose the values of in and notin and do not nest.";
            }
            if (token.Value.Kind == CmfFilterTokenKind.CloseParenthesis && list.Count == 0)
            {
                return $"filter has an empty list at position {open.Position}; {op.Text} needs at least one value.";
            }
            if (token.Value.Kind != CmfFilterTokenKind.Word)
            {
                return Unexpected(token.Value, "a value", insideList: true);
            }
            if (list.Count == MaxValues)
            {
                return $"filter has a list of more than {MaxValues} values at position {open.Position}.";
            }
            list.Add(token.Value.Text);
            var after = reader.NextOrEnd();
            switch (after?.Kind)
            {
                case null:
                    return $"filter has unbalanced parentheses: '(' at position {open.Position} is never closed.";
                case CmfFilterTokenKind.CloseParenthesis:
                    return null;
                case CmfFilterTokenKind.Comma:
                    continue;
                default:
                    return Unexpected(after.Value, "',' or ')' in the list");
            }
        }
    }

    private static string Unexpected(CmfFilterToken token, string expected, bool insideList = false) => token.Kind == CmfFilterTokenKind.CloseParenthesis && !insideList
        ? $"filter has unbalanced parentheses: ')' at position {token.Position} closes nothing."
        : $"filter has {ApiText.Quote(token.Text)} at position {token.Position} where it expects {expected}.";

    /// <summary>Reads tokens in order; <see cref="Last"/> is the one read last.</summary>
    private sealed class TokenReader(IReadOnlyList<CmfFilterToken> tokens)
    {
        private int _next;

        public bool AtEnd => _next >= tokens.Count;

        /// <summary>The last read asked past the end.</summary>
        public bool AtEndAfterLast { get; private set; }

        public CmfFilterToken Last { get; private set; }

        public CmfFilterToken Peek() => tokens[_next];

        public CmfFilterToken Next() => NextOrEnd() ?? throw new InvalidOperationException("Read past the end; check AtEnd first.");

        public CmfFilterToken? NextOrEnd()
        {
            AtEndAfterLast = AtEnd;
            if (AtEnd)
            {
                return null;
            }
            Last = tokens[_next++];
            return Last;
        }
    }
}
