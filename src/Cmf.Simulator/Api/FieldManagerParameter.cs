using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Cmf.Simulator.Api;

/// <summary>
/// The field manager of a write, as k8s.io/apiserver's handlers choose it: the <c>fieldManager</c> query parameter
/// (at most 128 bytes, printable characters only: ValidateFieldManager, else 422 on the request's options kind), else
/// the user agent up to its first '/' with unprintable characters dropped and cut at 128 bytes
/// (<c>prefixFromUserAgent</c>). kubectl 1.32 sends <c>kubectl-client-side-apply</c>, <c>kubectl-patch</c>,
/// <c>kubectl-edit</c>, <c>kubectl-create</c>, <c>kubectl-replace</c>, <c>kubectl-label</c>, <c>kubectl-annotate</c>; its
/// other writes (<c>kubectl scale</c>) send none and show as <c>kubectl</c>.
/// </summary>
internal static class FieldManagerParameter
{
    public const int MaxBytes = 128;

    /// <param name="optionsKind">CreateOptions, UpdateOptions or PatchOptions: the kind a 422 names.</param>
    public static string Read(HttpRequest request, string optionsKind)
    {
        var requested = request.Query["fieldManager"].ToString();
        if (requested.Length == 0)
        {
            return FromUserAgent(request.Headers.UserAgent.ToString());
        }
        var problems = new List<string>();
        if (Encoding.UTF8.GetByteCount(requested) > MaxBytes)
        {
            problems.Add($"Too long: may not be more than {MaxBytes} bytes");
        }
        var position = 0;
        foreach (var rune in requested.EnumerateRunes())
        {
            if (!IsPrintable(rune))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"Invalid value: \"{requested}\": invalid character U+{rune.Value:X4} (at position {position})"));
            }
            position += rune.Utf8SequenceLength;
        }
        return problems.Count == 0 ? requested : throw Invalid(optionsKind, problems);
    }

    public static string FromUserAgent(string userAgent)
    {
        var prefix = userAgent.Split('/')[0];
        var builder = new StringBuilder();
        var bytes = 0;
        foreach (var rune in prefix.EnumerateRunes())
        {
            if (!IsPrintable(rune))
            {
                continue;
            }
            if (bytes + rune.Utf8SequenceLength > MaxBytes)
            {
                break;
            }
            bytes += rune.Utf8SequenceLength;
            builder.Append(rune.ToString());
        }
        return builder.ToString();
    }

    // Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
    private static bool IsPrintable(Rune rune) => rune.Value == ' ' || Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.SpaceSeparator => false,
        _ => true,
    };

    private static ApiException Invalid(string optionsKind, List<string> problems)
    {
        var causes = new JsonArray([.. problems.Select(p => (JsonNode)new JsonObject { ["reason"] = "FieldValueInvalid", ["message"] = p, ["field"] = "fieldManager" })]);
        var summary = problems.Count == 1 ? "fieldManager: " + problems[0] : "[" + string.Join(", ", problems.Select(p => "fieldManager: " + p)) + "]";
        return new ApiException(422, "Invalid", $"{optionsKind}.meta.k8s.io \"\" is invalid: {summary}",
            new JsonObject { ["group"] = "meta.k8s.io", ["kind"] = optionsKind, ["causes"] = causes });
    }
}
