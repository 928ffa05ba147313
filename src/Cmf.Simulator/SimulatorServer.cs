using System.Net;
using System.Net.Sockets;
using Cmf.Simulator.Api;
using Cmf.Simulator.Faults;
using Cmf.Simulator.GroundTruth;
using Cmf.Simulator.Operator;
using Cmf.Simulator.Scenarios;
using Cmf.Simulator.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cmf.Simulator;

/// <summary>
/// A simulated Kubernetes API server on loopback with a simulated Flink Kubernetes Operator behind it.
/// KubernetesClient and kubectl work against <see cref="BaseUrl"/>; tests steer it through
/// <see cref="Clock"/>, <see cref="Faults"/> and <see cref="Api"/> and check it against <see cref="GroundTruth"/>.
/// </summary>
public sealed class SimulatorServer : IAsyncDisposable
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(3);

    private readonly SimulatorOptions _options;
    private readonly IPAddress _address;
    private readonly ApiRequestHandler _handler;
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private WebApplication? _app;
    private CancellationTokenSource? _listenerStopping;
    private int _port;
    private bool _stopped;

    private SimulatorServer(SimulatorOptions options)
    {
        _options = options;
        _address = LoopbackAddress.Parse(options.Host);
        _port = options.Port;
        var random = new SimulatorRandom(options.Seed);
        Clock = new SimulatorClock(options.StartTime ?? DateTimeOffset.UtcNow, options.Speed, options.ManualClock);
        Store = new ResourceStore(Clock, random, options.RetainedVersions);
        GroundTruth = new GroundTruthLog(Clock);
        Store.AddObserver(GroundTruth.Observe);
        var garbageCollector = new GarbageCollector(Store);
        Scheduler = new OperatorScheduler(Clock);
        Clock.AdvanceHandler = Scheduler.AdvanceToAsync;
        var events = new OperatorEvents(Store, Clock);
        var nativeCluster = new NativeCluster(Store, random, garbageCollector, options.Timings);
        var snapshots = new StateSnapshotResources(Store);
        var reconciler = new FlinkDeploymentReconciler(new FlinkService(nativeCluster, random, options.Timings), events, snapshots, new SnapshotTriggers(snapshots));
        var controller = new FlinkDeploymentController(
            Store, Clock, nativeCluster, new FlinkDeploymentObserver(nativeCluster, Store, events, snapshots), reconciler,
            new StatusRecorder(Store), events, options.Timings, options.OperatorRelease);
        var snapshotController = new StateSnapshotController(Store, Clock, nativeCluster, events, options.Timings);
        Operator = options.OperatorEnabled
            ? new FlinkOperator(Store, Scheduler, Clock, options.Timings, controller, snapshotController, snapshots, events)
            : null;
        var watches = new WatchRegistry();
        Faults = new FaultInjector(watches, Store);
        Api = new SimulatorApi(Store, garbageCollector);
        var watchStream = new WatchStream(Store, Clock, watches, Faults, options);
        var resources = new ResourceEndpoints(Store, Clock, random, garbageCollector, watchStream);
        var controls = new ControlEndpoints(Faults, Clock, GroundTruth, Store, Scheduler, RestartListenerAsync);
        _handler = new ApiRequestHandler(resources, controls, Faults);
        if (options.Scenario == SimulatorScenarios.Demo)
        {
            DemoScenario.Seed(Api, Scheduler, Clock, random, watched: () => watches.Count > 0);
        }
        else
        {
            EmptyScenario.Seed(Api);
        }
    }

    /// <summary>Where the API server listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public SimulatorClock Clock { get; }

    public FaultInjector Faults { get; }

    public GroundTruthLog GroundTruth { get; }

    /// <summary>Create, read, patch and delete without HTTP, with the same rules.</summary>
    public SimulatorApi Api { get; }

    /// <summary>Operator steps that threw (none is expected; tests assert that).</summary>
    public IReadOnlyList<string> OperatorErrors => Scheduler.Errors;

    internal ResourceStore Store { get; }

    internal OperatorScheduler Scheduler { get; }

    internal FlinkOperator? Operator { get; }

    public static async Task<SimulatorServer> StartAsync(SimulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Scenario is not (SimulatorScenarios.Demo or SimulatorScenarios.Empty))
        {
            throw new ArgumentException($"Unknown scenario \"{options.Scenario}\": use \"{SimulatorScenarios.Demo}\" or \"{SimulatorScenarios.Empty}\".", nameof(options));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RetainedVersions, 1, nameof(options));
        var server = new SimulatorServer(options);
        try
        {
            await server.StartListenerAsync(ct);
        }
        catch
        {
            await server.Scheduler.DisposeAsync();
            throw;
        }
        server.Operator?.Start();
        server.Scheduler.Start();
        return server;
    }

    /// <summary>Writes a kubeconfig for this cluster (server = <see cref="BaseUrl"/>, a context and a user with a dummy token); returns its full path.</summary>
    public string WriteKubeconfig(string path) => Kubeconfig.Write(path, BaseUrl);

    /// <summary>Stops and restarts the HTTP listener on the same port; every object, version and watch window survives, open connections do not.</summary>
    public async Task RestartListenerAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            if (_stopped)
            {
                return;
            }
            await StopListenerAsync();
            await StartListenerCoreAsync(CancellationToken.None);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    public async Task StopAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            if (_stopped)
            {
                return;
            }
            _stopped = true;
            await StopListenerAsync();
            await Scheduler.DisposeAsync();
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StartListenerAsync(CancellationToken ct)
    {
        await _lifecycle.WaitAsync(ct);
        try
        {
            await StartListenerCoreAsync(ct);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    private async Task StartListenerCoreAsync(CancellationToken ct)
    {
        // Right after a stop the port can take a moment to be free again.
        for (var attempt = 1; ; attempt++)
        {
            var stopping = new CancellationTokenSource();
            var app = BuildApplication(stopping.Token);
            try
            {
                await app.StartAsync(ct);
                _app = app;
                _listenerStopping = stopping;
                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                var bound = new Uri(address);
                _port = bound.Port;
                BaseUrl = new UriBuilder(Uri.UriSchemeHttp, _address.ToString(), _port).Uri;
                return;
            }
            catch (IOException e) when (attempt < 20 && e.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                await app.DisposeAsync();
                stopping.Dispose();
                await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
            }
            catch
            {
                await app.DisposeAsync();
                stopping.Dispose();
                throw;
            }
        }
    }

    private WebApplication BuildApplication(CancellationToken listenerStopping)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SimulatorServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(_address, _port);
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        var app = builder.Build();
        app.Run(context => _handler.HandleAsync(context, listenerStopping));
        return app;
    }

    private async Task StopListenerAsync()
    {
        if (_app is not { } app)
        {
            return;
        }
        _app = null;
        await _listenerStopping!.CancelAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        _listenerStopping.Dispose();
        _listenerStopping = null;
    }
}
