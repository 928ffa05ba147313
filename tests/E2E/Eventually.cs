namespace Cmf.E2ETests;

/// <summary>Bounded polling for conditions outside the browser (the API, kubectl); never an assertion on elapsed time.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultBound = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    /// <summary>Polls until <paramref name="probe"/> returns a value, and returns it; fails the test after the bound.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? bound = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (bound ?? DefaultBound);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {bound ?? DefaultBound} waiting until {what}.");
            }
            await Task.Delay(Interval);
        }
    }

    public static Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? bound = null) =>
        ValueAsync<object>(async () => await condition() ? true : null, what, bound);
}
