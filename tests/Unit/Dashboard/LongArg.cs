using System.Globalization;

namespace Cmf.UnitTests.Dashboard;

/// <summary>The attack on the diff: one <c>job.args</c> value, on one line, of different words (DiffPlex's worst case).</summary>
internal static class LongArg
{
    /// <summary>Exactly <paramref name="length"/> characters.</summary>
    public static string Of(int length) =>
        ("--payload=" + string.Join(' ', Enumerable.Range(1, length / 6 + 1).Select(i => (i * 7919 % 99991).ToString("D5", CultureInfo.InvariantCulture))))[..length];
}
