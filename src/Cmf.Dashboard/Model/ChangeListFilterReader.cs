using System.Globalization;
using Microsoft.Extensions.Primitives;
using N = Cmf.Dashboard.Model.QueryParameterNames;

namespace Cmf.Dashboard.Model;

/// <summary>
/// The changes list's view from its query parameters, for the page (which leaves out what does not parse) and for the
/// API (which refuses it with the reasons).
/// </summary>
public static class ChangeListFilterReader
{
    /// <summary>The query parameters of the changes list (page and API); anything else is refused by the API.</summary>
    public static IReadOnlyList<string> Parameters { get; } =
    [
        N.Window, N.From, N.To, N.Environment, N.Application, N.Field, N.Key, N.Outcome, N.Before, N.Size, N.Embed,
    ];

    /// <summary>
    /// Reads the changes list's parameters; <paramref name="errors"/> says what was refused (unknown names, unknown fields
    /// or outcomes, bad times, from after to, a range over a year, values too long), each in a sentence.
    /// </summary>
    public static ChangeListFilter Read(IEnumerable<KeyValuePair<string, StringValues>> parameters, out List<string> errors, out int? size)
    {
        var query = parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        errors = [];
        size = null;
        foreach (var unknown in query.Keys.Where(k => !Parameters.Contains(k, StringComparer.Ordinal)))
        {
            errors.Add($"Unknown query parameter {Quoted(unknown)}; the changes list takes {string.Join(", ", Parameters)}.");
        }
        var filter = ChangeListFilter.Default;
        var window = Single(query, N.Window);
        if (window is not null)
        {
            if (DurationText.TryParse(window, out var last) && last <= ChangeListFilter.MaxSpan)
            {
                filter = filter with { Window = last };
            }
            else
            {
                errors.Add($"window must be a duration such as 1h, 24h or 7d, at most 366d; got {Quoted(window)}.");
            }
        }
        filter = ReadRange(query, filter, errors);
        filter = filter with
        {
            Environment = Text(query, N.Environment, ChangeListFilter.MaxTextLength, errors),
            Application = Text(query, N.Application, ChangeListFilter.MaxTextLength, errors),
            ConfigurationKey = Text(query, N.Key, ChangeListFilter.MaxKeyLength, errors),
        };
        foreach (var wire in query.GetValueOrDefault(N.Field).SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (ChangeField.Parse(wire) is { } kind)
            {
                filter = filter with { Fields = filter.Fields | kind };
            }
            else
            {
                errors.Add($"field must be one of {string.Join(", ", ChangeField.All.Select(f => f.Wire))}; got {Quoted(wire)}.");
            }
        }
        if (Single(query, N.Outcome) is { Length: > 0 } outcome)
        {
            if (ChangeOutcomes.Parse(outcome) is { } parsed)
            {
                filter = filter with { Outcome = parsed };
            }
            else
            {
                errors.Add($"outcome must be one of {string.Join(", ", ChangeOutcomes.All.Select(o => o.Wire))}; got {Quoted(outcome)}.");
            }
        }
        if (Single(query, N.Before) is { Length: > 0 } before)
        {
            if (Cmf.Core.Storage.Views.ChangeCursor.TryParse(before, out var cursor))
            {
                filter = filter with { Before = cursor };
            }
            else
            {
                errors.Add($"before must be the next value of an earlier page, such as 1767225600000.42; got {Quoted(before)}.");
            }
        }
        if (Single(query, N.Size) is { } sizeText)
        {
            if (int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 1 and <= ChangeListReader.MaxPageSize)
            {
                size = parsed;
            }
            else
            {
                errors.Add($"size must be a whole number from 1 to {ChangeListReader.MaxPageSize}; got {Quoted(sizeText)}.");
            }
        }
        return filter;
    }

    private static ChangeListFilter ReadRange(Dictionary<string, StringValues> query, ChangeListFilter filter, List<string> errors)
    {
        var (fromText, toText) = (Single(query, N.From), Single(query, N.To));
        if (fromText is null && toText is null)
        {
            return filter;
        }
        DateTimeOffset? from = null, to = null;
        if (fromText is null)
        {
            errors.Add("to needs from: give the range as from and to (ISO 8601 times), or a window such as 24h.");
            return filter;
        }
        if (fromText.Length <= 64 && UtcTimeText.TryParse(fromText, out var parsedFrom))
        {
            from = parsedFrom;
        }
        else
        {
            errors.Add($"from must be an ISO 8601 time such as 2026-03-01T12:00:00Z; got {Quoted(fromText)}.");
        }
        if (toText is not null)
        {
            if (toText.Length <= 64 && UtcTimeText.TryParse(toText, out var parsedTo))
            {
                to = parsedTo;
            }
            else
            {
                errors.Add($"to must be an ISO 8601 time such as 2026-03-01T13:00:00Z; got {Quoted(toText)}.");
            }
        }
        if (from is null || (toText is not null && to is null))
        {
            return filter;
        }
        if (to is { } end && end <= from)
        {
            errors.Add($"from must be earlier than to; got from={fromText}, to={toText}.");
            return filter;
        }
        if (to is { } last && last - from > ChangeListFilter.MaxSpan)
        {
            errors.Add("The range from..to may span at most 366 days.");
            return filter;
        }
        return filter with { From = from, To = to };
    }

    private static string? Text(Dictionary<string, StringValues> query, string name, int max, List<string> errors)
    {
        var value = Single(query, name)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (value.Length > max || value.Any(char.IsControl))
        {
            errors.Add($"{name} must be at most {max} characters without control characters.");
            return null;
        }
        return value;
    }

    private static string Quoted(string? value)
    {
        var text = value ?? "";
        var shown = new string([.. text.Take(64).Select(c => char.IsControl(c) ? '?' : c)]);
        return "'" + shown + (text.Length > 64 ? "…" : "") + "'";
    }

    private static string? Single(Dictionary<string, StringValues> query, string key) =>
        query.TryGetValue(key, out var values) && values.Count > 0 ? values[^1] : null;
}
