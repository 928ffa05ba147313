namespace Cmf.E2ETests;

/// <summary>
/// One dashboard process in simulated mode, shared by the journeys of a collection: the built-in simulator over real
/// HTTP, kubectl pointed at it, and the dashboard's API for arranging. Started once, stopped even when a test fails.
/// </summary>
public abstract class SimulatedDashboard : IAsyncLifetime
{
    /// <summary>Simulated seconds per real second: an upgrade takes about 30 simulated seconds.</summary>
    public const string Speed = "20";

    private DashboardProcess? _process;
    private DashboardApi? _api;
    private Kubectl? _kubectl;

    public DashboardProcess Process => _process ?? throw new InvalidOperationException("The dashboard has not started.");

    public DashboardApi Api => _api ?? throw new InvalidOperationException("The dashboard has not started.");

    public Kubectl Kubectl => _kubectl ?? throw new InvalidOperationException("The dashboard has not started.");

    public string Url(string pathAndQuery) => Process.Url(pathAndQuery);

    protected abstract IReadOnlyDictionary<string, string> Settings { get; }

    public virtual async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>(Settings)
        {
            ["Cmf:Cluster:Mode"] = "Simulated",
            ["Cmf:Cluster:Simulator:Speed"] = Speed,
        };
        _process = await DashboardProcess.StartAsync(settings);
        try
        {
            _api = new DashboardApi(_process.BaseUrl);
            _kubectl = new Kubectl(_process.KubeconfigPath ?? throw new InvalidOperationException("The simulated dashboard printed no kubeconfig."));
            await _api.WaitUntilReadyAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the process and removes its data directory; safe to call twice.</summary>
    public virtual async Task DisposeAsync()
    {
        _api?.Dispose();
        _api = null;
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }
}
