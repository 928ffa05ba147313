using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace Cmf.Core.Specs;

/// <summary>
/// How YAML gives a type to a plain (unquoted, untagged) scalar. Reading follows the YAML 1.2 core
/// schema; writing quotes anything that the 1.2 core schema or the older 1.1 rules (still used by
/// Kubernetes' Go YAML library and by SnakeYAML: <c>on</c>, <c>no</c>, <c>0755</c>, <c>1:20</c>,
/// dates) would read as something other than a string.
/// </summary>
internal static partial class YamlPlainScalars
{
    public static bool IsCoreNull(string text) => text is "" or "~" or "null" or "Null" or "NULL";

    public static bool TryCoreBoolean(string text, out bool value)
    {
        value = text is "true" or "True" or "TRUE";
        return value || text is "false" or "False" or "FALSE";
    }

    /// <summary>
    /// The JSON spelling of a YAML 1.2 core integer or float, or null when the text is not one. JSON
    /// numbers are kept as written; other spellings are rewritten (<c>+1</c> to <c>1</c>, <c>.5</c> to
    /// <c>0.5</c>, <c>0x1F</c> to <c>31</c>). Infinity and NaN have no JSON form and return null.
    /// </summary>
    public static string? CoreNumberAsJson(string text)
    {
        if (CoreHex().IsMatch(text))
        {
            return BigInteger.Parse("0" + text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        }
        if (CoreOctal().IsMatch(text))
        {
            var octal = BigInteger.Zero;
            foreach (var digit in text.AsSpan(2))
            {
                octal = (octal * 8) + (digit - '0');
            }
            return octal.ToString(CultureInfo.InvariantCulture);
        }
        var match = CoreDecimal().Match(text);
        if (!match.Success)
        {
            return null;
        }
        var integer = match.Groups["int"].Value.TrimStart('0');
        var fraction = match.Groups["frac"];
        return (text[0] == '-' ? "-" : "")
            + (integer.Length == 0 ? "0" : integer)
            + (fraction.Success ? "." + (fraction.Value.Length == 0 ? "0" : fraction.Value) : "")
            + match.Groups["exp"].Value;
    }

    /// <summary>True when some YAML parser would read this text, written plain, as a non-string.</summary>
    public static bool ResolvesToNonString(string text) =>
        IsCoreNull(text) || NonStringWord().IsMatch(text) || NumberLike().IsMatch(text) || DateLike().IsMatch(text);

    [GeneratedRegex("^0x[0-9a-fA-F]+$", RegexOptions.CultureInvariant)]
    private static partial Regex CoreHex();

    [GeneratedRegex("^0o[0-7]+$", RegexOptions.CultureInvariant)]
    private static partial Regex CoreOctal();

    [GeneratedRegex(@"^[-+]?(?:(?<int>[0-9]+)(?:\.(?<frac>[0-9]*))?|\.(?<frac>[0-9]+))(?<exp>[eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex CoreDecimal();

    // YAML 1.1 booleans and nulls, the merge key and the value key.
    [GeneratedRegex("^(?:~|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|<<|=)$", RegexOptions.CultureInvariant)]
    private static partial Regex NonStringWord();

    // A superset of YAML 1.1 and 1.2 ints and floats: binary, octal, hex, underscores, base 60, .inf, .nan.
    [GeneratedRegex(@"^[-+]?(?:\.(?:inf|Inf|INF|nan|NaN|NAN)|0b[01_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])*(?:\.[0-9_.]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9][0-9_.]*(?:[eE][-+]?[0-9]+)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberLike();

    // YAML 1.1 timestamps start with a date.
    [GeneratedRegex("^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:$|[Tt \t])", RegexOptions.CultureInvariant)]
    private static partial Regex DateLike();
}
