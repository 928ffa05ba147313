namespace Cmf.UnitTests.Simulator.Support;

/// <summary>Assertions on ordered observations.</summary>
internal static class Sequences
{
    /// <summary>Every expected item appears in <paramref name="actual"/>, in this order (other items may come between).</summary>
    public static void AssertInOrder(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var at = 0;
        foreach (var item in expected)
        {
            while (at < actual.Count && actual[at] != item)
            {
                at++;
            }
            Assert.True(at < actual.Count, $"Expected \"{item}\" (in order) in:\n  {string.Join("\n  ", actual)}\nexpected order:\n  {string.Join("\n  ", expected)}");
            at++;
        }
    }

    /// <summary>Consecutive duplicates removed (a status write that changed only a timestamp looks the same).</summary>
    public static List<string> Distinct(IEnumerable<string> items)
    {
        var result = new List<string>();
        foreach (var item in items)
        {
            if (result.Count == 0 || result[^1] != item)
            {
                result.Add(item);
            }
        }
        return result;
    }
}
