using Cmf.Core.Specs;

namespace Cmf.Core.Storage.Writing;

/// <summary>
/// How an instance's <see cref="SpecChange"/> is stored on its row: the summary, the kinds as an integer of flags, and
/// the changed configuration keys lower-cased between bars (<c>|parallelism.default|state.backend.type|</c>), so one
/// <c>LIKE '%|key|%'</c> finds a key, with the same answer on SQLite and PostgreSQL.
/// </summary>
internal static class ChangeColumns
{
    public const char Separator = '|';

    public static string? KeysText(IReadOnlyList<string> keys)
    {
        var kept = keys.Select(Normalize).Where(k => k.Length > 0 && !k.Contains(Separator, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        return kept.Count == 0 ? null : Separator + string.Join(Separator, kept) + Separator;
    }

    public static IReadOnlyList<string> Keys(string? text) =>
        string.IsNullOrEmpty(text) ? [] : text.Split(Separator, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Keys are compared lower-cased: Flink's keys are, and it keeps both engines' LIKE alike.</summary>
    public static string Normalize(string key) => key.Trim().ToLowerInvariant();

    /// <summary>The change of the instance with <paramref name="sequence"/>, given the spec of the instance before it (null if none is kept).</summary>
    public static SpecChange Of(int sequence, string? previousSpecJson, string currentSpecJson) => previousSpecJson switch
    {
        null when sequence <= 1 => SpecChange.FirstInstance,
        null => SpecChange.PreviousUnknown,
        _ => SpecChangeSummary.Between(previousSpecJson, currentSpecJson),
    };
}
