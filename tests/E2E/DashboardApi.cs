using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Cmf.E2ETests;

/// <summary>The dashboard's REST API, read to arrange a journey (which UIDs exist) before the browser checks the page.</summary>
public sealed class DashboardApi(Uri baseUrl) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The retained instance UIDs of an application, oldest first; empty while the application is unknown.</summary>
    public async Task<IReadOnlyList<string>> InstanceUidsAsync(string environment, string application)
    {
        using var response = await _http.GetAsync(
            $"/cmf/api/v1/environments/{Uri.EscapeDataString(environment)}/applications/{Uri.EscapeDataString(application)}/instances?size=500");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }
        response.EnsureSuccessStatusCode();
        var page = await response.Content.ReadFromJsonAsync<JsonObject>();
        return [.. page!["items"]!.AsArray().Select(item => item!["metadata"]!["uid"]!.GetValue<string>())];
    }

    /// <summary>Waits until the application has at least <paramref name="count"/> instances recorded, and returns them.</summary>
    public Task<IReadOnlyList<string>> WaitForInstancesAsync(string environment, string application, int count) =>
        Eventually.ValueAsync(async () =>
        {
            var uids = await InstanceUidsAsync(environment, application);
            return uids.Count >= count ? uids : null;
        }, $"{environment}/{application} has {count} instances");

    public async Task<HttpStatusCode> InstanceStatusAsync(string uid)
    {
        using var response = await _http.GetAsync($"/api/v1/instances/{Uri.EscapeDataString(uid)}");
        return response.StatusCode;
    }

    /// <summary>Which replica answered, its role (<c>single</c>, <c>leader</c> or <c>follower</c>) and who leads.</summary>
    public async Task<ReplicaAbout> AboutAsync()
    {
        var about = await _http.GetFromJsonAsync<JsonObject>("/api/v1/about");
        return new ReplicaAbout(
            about!["identity"]!.GetValue<string>(), about["role"]!.GetValue<string>(), about["leader"]?.GetValue<string>());
    }

    /// <summary>Waits until every watch has committed its first list, so pages show the cluster as it is.</summary>
    public Task WaitUntilReadyAsync() =>
        Eventually.TrueAsync(async () =>
        {
            using var response = await _http.GetAsync("/readyz");
            return response.IsSuccessStatusCode;
        }, "the dashboard is ready");

    public void Dispose() => _http.Dispose();
}

/// <summary>What <c>GET /api/v1/about</c> says of the replica that answered.</summary>
public sealed record ReplicaAbout(string Identity, string Role, string? Leader);
