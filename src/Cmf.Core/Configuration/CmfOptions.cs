using Cmf.Core.Feed;

namespace Cmf.Core.Configuration;

/// <summary>The one options tree, bound from the <c>Cmf</c> configuration section and validated at start-up.</summary>
public sealed class CmfOptions
{
    public const string SectionName = "Cmf";

    /// <summary>Holds <c>cmf.db</c> and, in simulated mode, <c>simulator.kubeconfig</c>.</summary>
    public string DataDirectory { get; set; } = "./data";

    public ClusterOptions Cluster { get; set; } = new();

    public StoreOptionsSection Store { get; set; } = new();

    /// <summary>Environments: a name, a namespace and optional FlinkApplication defaults.</summary>
    public List<EnvironmentOptions> Environments { get; set; } = [];

    public RetentionOptions Retention { get; set; } = new();

    public FeedOptions Feed { get; set; } = new();

    public LoggingLinkOptions Logging { get; set; } = new();

    public EmbeddingOptions Embedding { get; set; } = new();

    public AuthOptions Auth { get; set; } = new();

    public SecurityOptions Security { get; set; } = new();

    public ForwardedHeadersOptionsSection ForwardedHeaders { get; set; } = new();

    public HighAvailabilityOptions HighAvailability { get; set; } = new();

    public MetricsOptions Metrics { get; set; } = new();

    public string DatabasePath => Path.Combine(DataDirectory, "cmf.db");
}

public enum ClusterMode
{
    /// <summary>In-cluster credentials, else a kubeconfig, else the built-in simulator.</summary>
    Auto,
    Kubernetes,
    Simulated,

    /// <summary>No watcher: serve what the database holds (a read-only replica, or a copied database).</summary>
    None,
}

public sealed class ClusterOptions
{
    public ClusterMode Mode { get; set; } = ClusterMode.Auto;

    /// <summary>Path of a kubeconfig; when empty, <c>KUBECONFIG</c> then <c>~/.kube/config</c>.</summary>
    public string? Kubeconfig { get; set; }

    /// <summary>kubeconfig context to use; empty means the current context.</summary>
    public string? Context { get; set; }

    /// <summary>Watch every namespace instead of only the environments' namespaces.</summary>
    public bool WatchAllNamespaces { get; set; }

    /// <summary>The API server ends each watch after this long; we then resume from the last resourceVersion.</summary>
    public int WatchTimeoutSeconds { get; set; } = 300;

    /// <summary>A watch silent for this long (no event, no bookmark) is restarted.</summary>
    public int WatchdogSeconds { get; set; } = 120;

    public SimulatorOptionsSection Simulator { get; set; } = new();
}

/// <summary>The built-in simulated cluster used in simulated mode.</summary>
public sealed class SimulatorOptionsSection
{
    /// <summary><c>demo</c> or <c>empty</c>.</summary>
    public string Scenario { get; set; } = "demo";

    public double Speed { get; set; } = 1.0;

    /// <summary>Seed of the simulated cluster; unset, each start is a new cluster (new UIDs, new random changes).</summary>
    public int? Seed { get; set; }
}

public sealed class EnvironmentOptions
{
    public string Name { get; set; } = "";

    public string Namespace { get; set; } = "";

    /// <summary>
    /// A partial FlinkDeployment (<c>metadata</c>, <c>spec</c>) merged under every submitted spec. Read by
    /// <see cref="EnvironmentDefaultsReader"/>, not by the binder: a configuration section (scalars that look
    /// like numbers or booleans become numbers or booleans) or a JSON string, which keeps types as written.
    /// </summary>
    public System.Text.Json.Nodes.JsonObject? FlinkApplicationDefaults { get; internal set; }

    /// <summary>Why <see cref="FlinkApplicationDefaults"/> could not be read; reported by validation.</summary>
    public string? FlinkApplicationDefaultsError { get; internal set; }
}

public sealed class RetentionOptions
{
    public int MaxInstancesPerApplication { get; set; } = 100;

    public int MaxEventsPerApplication { get; set; } = 100;
}

public sealed class LoggingLinkOptions
{
    /// <summary>A log-system URL with {uid}, {namespace}, {app}, {from}, {to} placeholders; empty hides the link.</summary>
    public string? LinkTemplate { get; set; }
}

public sealed class EmbeddingOptions
{
    /// <summary>Origins allowed to frame the dashboard (CSP frame-ancestors); empty means same origin only.</summary>
    public List<string> FrameAncestors { get; set; } = [];
}

public enum AuthMode
{
    Unsecured,
    Token,
    OpenIdConnect,
}

public sealed class AuthOptions
{
    public AuthMode Mode { get; set; } = AuthMode.Unsecured;

    /// <summary>Unsecured mode refuses to listen beyond loopback unless this is true.</summary>
    public bool AllowUnsecuredNonLoopback { get; set; }

    /// <summary>The bearer token (Token mode).</summary>
    public string? Token { get; set; }

    /// <summary>A browser session ends this long after its sign-in, however active (the cookie also slides out after 12 idle hours).</summary>
    public int SessionHours { get; set; } = 12;

    public OpenIdConnectOptionsSection OpenIdConnect { get; set; } = new();
}

public sealed class OpenIdConnectOptionsSection
{
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The audience of API bearer tokens from the authority; empty means <see cref="ClientId"/>.</summary>
    public string? Audience { get; set; }

    /// <summary>Viewers must carry this claim type...</summary>
    public string? RequiredClaimType { get; set; }

    /// <summary>...with this value (any value when empty).</summary>
    public string? RequiredClaimValue { get; set; }

    public bool RequireHttpsMetadata { get; set; } = true;
}
