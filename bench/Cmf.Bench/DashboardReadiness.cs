using Cmf.E2ETests;

namespace Cmf.Bench;

public static class DashboardReadiness
{
    /// <summary>Polls <c>/readyz</c> until every watch's first list is committed (bounded).</summary>
    public static async Task WaitAsync(DashboardProcess dashboard, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = dashboard.BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("/readyz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The dashboard was not ready within {timeout}.");
            }
            await Task.Delay(200);
        }
    }
}
