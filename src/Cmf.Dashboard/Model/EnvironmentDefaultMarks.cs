using System.Text.Json.Nodes;
using Cmf.Core.Specs;

namespace Cmf.Dashboard.Model;

/// <summary>
/// The values of an instance's effective spec that equal its environment's <c>flinkApplicationDefaults</c>, "from
/// environment defaults" (DESIGN 3.1): their paths, and the lines of the spec's YAML that show them. Both documents are
/// stored with secrets as fingerprint tokens, and equal secrets give equal tokens, so a secret that came from the defaults is marked too.
/// </summary>
/// <param name="HasDefaults">The environment has defaults with a <c>spec</c> to compare with.</param>
/// <param name="Yaml">The spec as canonical YAML with secrets masked, the text the marked line numbers count in.</param>
/// <param name="MarkedLines">Line numbers (from 0) of the YAML lines that write a marked value.</param>
public sealed record EnvironmentDefaultMarks(bool HasDefaults, IReadOnlyList<string> Paths, string? Yaml, IReadOnlySet<int> MarkedLines)
{
    public static EnvironmentDefaultMarks For(string? fingerprintedSpecJson, string? fingerprintedDefaultsJson)
    {
        var defaults = Parse(fingerprintedDefaultsJson);
        var hasDefaults = EnvironmentDefaults.Spec(defaults) is not null;
        if (Parse(fingerprintedSpecJson) is not { } spec)
        {
            return new(hasDefaults, [], null, new HashSet<int>());
        }
        var paths = EnvironmentDefaults.MatchingPaths(spec, defaults);
        var lines = CanonicalYaml.RenderLines(spec);
        var marked = lines
            .Select((line, number) => (line.Path, Number: number))
            .Where(line => paths.Any(path => Within(line.Path, path)))
            .Select(line => line.Number)
            .ToHashSet();
        return new(hasDefaults, paths, SecretMasker.Display(string.Join('\n', lines.Select(l => l.Text))), marked);
    }

    /// <summary>The paths alone, as the API's <c>environmentDefaultPaths</c> gives them.</summary>
    public static IReadOnlyList<string> MatchingPaths(string? fingerprintedSpecJson, string? fingerprintedDefaultsJson) =>
        Parse(fingerprintedSpecJson) is { } spec ? EnvironmentDefaults.MatchingPaths(spec, Parse(fingerprintedDefaultsJson)) : [];

    private static JsonObject? Parse(string? json) => string.IsNullOrWhiteSpace(json) ? null : JsonNode.Parse(json) as JsonObject;

    // A list or object matched whole marks every line below it: job.args marks job.args[0], a["b"] marks a["b"].c.
    private static bool Within(string linePath, string matched) =>
        linePath == matched
        || (linePath.Length > matched.Length && linePath.StartsWith(matched, StringComparison.Ordinal) && linePath[matched.Length] is '.' or '[');
}
