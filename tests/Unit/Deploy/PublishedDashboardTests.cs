using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Cmf.Dashboard.Security;
using Cmf.UnitTests.Deploy.Support;
using Cmf.UnitTests.TestSupport;
using k8s.Models;

namespace Cmf.UnitTests.Deploy;

/// <summary>
/// The published app, run with the environment the single overlay's Deployment gives it. Only what cannot be the same
/// on this machine is replaced: the port (OS-chosen on 127.0.0.1), /data (a temporary folder), the cluster (none here:
/// Cmf:Cluster:Mode None), the pod name from the downward API and the token from the Secret.
/// </summary>
public sealed partial class PublishedDashboardTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task The_published_app_with_the_single_overlays_environment_answers_every_probe_and_keeps_its_keys_on_the_data_volume()
    {
        var folder = await PublishedDashboard.FolderAsync();
        var rendered = await RenderedOverlay.RenderAsync("single");
        var dashboard = rendered.Dashboard;
        using var data = new TempDirectory();
        var token = ManifestTests.StrongToken();
        var metricsPort = FreeLoopbackPort();

        await using var app = await StartAsync(folder, Environment(dashboard, data.Path, token, metricsPort));
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        using var http = new HttpClient(handler) { BaseAddress = app.Url, Timeout = TimeSpan.FromSeconds(30) };

        foreach (var probe in new[] { dashboard.StartupProbe, dashboard.LivenessProbe, dashboard.ReadinessProbe })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, probe.HttpGet.Path);
            foreach (var header in probe.HttpGet.HttpHeaders)
            {
                request.Headers.Host = header.Name == "Host" ? header.Value : request.Headers.Host;
            }
            using var response = await http.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{probe.HttpGet.Path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}\n{app.Output}");
        }

        // Signing in with the Secret's token sets a cookie protected by a data-protection key, which lands under HOME.
        using var login = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create(TokenLogin.TokenField, token), KeyValuePair.Create(TokenLogin.ReturnUrlParameter, "/")]),
        };
        login.Headers.Host = "localhost";
        using var signedIn = await http.SendAsync(login);
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"POST /login: {(int)signedIn.StatusCode} {await signedIn.Content.ReadAsStringAsync()}\n{app.Output}");
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        var keys = Path.Combine(data.Path, ".aspnet", "DataProtection-Keys");
        Assert.True(Directory.Exists(keys) && Directory.EnumerateFiles(keys, "key-*.xml").Any(), $"no key in {keys}\n{app.Output}");

        // What Prometheus scrapes, at the path the pod's annotation names, on the port the manifest gives /metrics.
        using var metrics = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var scrape = await metrics.GetStringAsync(new Uri($"http://127.0.0.1:{metricsPort}{rendered.DashboardPodAnnotations["prometheus.io/path"]}"));
        Assert.Contains("cmf_leader 1", scrape, StringComparison.Ordinal);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Dictionary<string, string> Environment(V1Container dashboard, string data, string token, int metricsPort)
    {
        var environment = new Dictionary<string, string>();
        foreach (var variable in dashboard.Env)
        {
            environment[variable.Name] = variable.Value is { } value
                ? (value == "/data" || value.StartsWith("/data/", StringComparison.Ordinal) ? data + value["/data".Length..] : value)
                : variable.ValueFrom.FieldRef is { FieldPath: "metadata.name" } ? "cmf-dashboard-test-pod"
                : variable.ValueFrom.SecretKeyRef is { Name: "cmf-dashboard-auth", Key: "token" } ? token
                : throw new InvalidOperationException($"{variable.Name} comes from somewhere this test does not know.");
        }
        Assert.Equal("Kubernetes", environment["Cmf__Cluster__Mode"]);
        environment["Cmf__Cluster__Mode"] = "None";
        // --urls http://127.0.0.1:0 takes the place of the fixed port.
        Assert.Equal("8080", environment["ASPNETCORE_HTTP_PORTS"]);
        environment.Remove("ASPNETCORE_HTTP_PORTS");
        // The metrics listener takes a free port on loopback in place of the pod's fixed one on every interface.
        Assert.Equal("9090", environment["Cmf__Metrics__Port"]);
        environment["Cmf__Metrics__Port"] = metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["Cmf__Metrics__ListenAddress"] = "127.0.0.1";
        return environment;
    }

    private static async Task<RunningDashboard> StartAsync(string folder, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(folder, "Cmf.Dashboard.dll"));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("Cmf__", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var running = new RunningDashboard(process);
        var first = await Task.WhenAny(running.UrlTask, process.WaitForExitAsync(), Task.Delay(StartTimeout));
        if (first != running.UrlTask)
        {
            await running.DisposeAsync();
            throw new InvalidOperationException($"The published dashboard did not print its URL within {StartTimeout}:\n{running.Output}");
        }
        running.Url = await running.UrlTask;
        return running;
    }

    private sealed class RunningDashboard : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly List<string> _output = [];
        private readonly TaskCompletionSource<Uri> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public RunningDashboard(Process process)
        {
            _process = process;
            process.OutputDataReceived += (_, e) => OnLine(e.Data);
            process.ErrorDataReceived += (_, e) => OnLine(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Task<Uri> UrlTask => _url.Task;

        public Uri Url { get; set; } = new("http://127.0.0.1/");

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return string.Join('\n', _output);
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
        }

        private void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (_output)
            {
                if (_output.Count < 300)
                {
                    _output.Add(line);
                }
            }
            if (DashboardUrlLine().Match(line) is { Success: true } match)
            {
                _url.TrySetResult(new Uri(match.Groups["url"].Value));
            }
        }
    }

    [GeneratedRegex(@"^Dashboard: (?<url>http://\S+)$")]
    private static partial Regex DashboardUrlLine();
}
