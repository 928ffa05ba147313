using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Cmf.Core.Configuration;

/// <summary>Checks the whole options tree at start-up and says, key by key, what is wrong.</summary>
public sealed partial class CmfOptionsValidator : IValidateOptions<CmfOptions>
{
    private const int MaxSessionHours = 720;

    public ValidateOptionsResult Validate(string? name, CmfOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            errors.Add("Cmf:DataDirectory must name a folder (default ./data).");
        }
        ValidateCluster(options.Cluster, errors);
        ValidateStore(options.Store, errors);
        ValidateEnvironments(options.Environments, errors);
        if (options.Retention.MaxInstancesPerApplication < 2)
        {
            errors.Add("Cmf:Retention:MaxInstancesPerApplication must be at least 2 (the current and the latest instance are always kept).");
        }
        if (options.Retention.MaxEventsPerApplication < 1)
        {
            errors.Add("Cmf:Retention:MaxEventsPerApplication must be at least 1.");
        }
        if (options.Feed.CoalesceMilliseconds is < 0 or > 10_000)
        {
            errors.Add("Cmf:Feed:CoalesceMilliseconds must be between 0 and 10000.");
        }
        if (options.Feed.MaxPendingKeys < 1)
        {
            errors.Add("Cmf:Feed:MaxPendingKeys must be at least 1.");
        }
        if (options.Logging.LinkTemplate is { Length: > 0 } template && !IsHttpUrl(template.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal)))
        {
            errors.Add($"Cmf:Logging:LinkTemplate must be an absolute http(s) URL with {{uid}}, {{namespace}}, {{app}}, {{from}}, {{to}} placeholders; got '{template}'.");
        }
        foreach (var origin in options.Embedding.FrameAncestors)
        {
            if (!IsOrigin(origin))
            {
                errors.Add($"Cmf:Embedding:FrameAncestors holds '{origin}', which is not an origin such as https://portal.example.com or http://127.0.0.1:8080.");
            }
        }
        ValidateAuth(options.Auth, errors);
        ValidateNetwork(options, errors);
        ValidateHighAvailability(options, errors);
        ValidateMetrics(options.Metrics, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateCluster(ClusterOptions cluster, List<string> errors)
    {
        if (cluster.Kubeconfig is { Length: > 0 } kubeconfig && cluster.Mode != ClusterMode.Simulated && !File.Exists(kubeconfig))
        {
            errors.Add($"Cmf:Cluster:Kubeconfig points to '{kubeconfig}', which does not exist.");
        }
        if (cluster.WatchTimeoutSeconds is < 10 or > 3600)
        {
            errors.Add("Cmf:Cluster:WatchTimeoutSeconds must be between 10 and 3600 (about 300 is usual).");
        }
        if (cluster.WatchdogSeconds < 5)
        {
            errors.Add("Cmf:Cluster:WatchdogSeconds must be at least 5.");
        }
        if (cluster.Simulator.Scenario is not ("demo" or "empty"))
        {
            errors.Add($"Cmf:Cluster:Simulator:Scenario must be 'demo' or 'empty'; got '{cluster.Simulator.Scenario}'.");
        }
        if (cluster.Simulator.Speed is <= 0 or > 1000)
        {
            errors.Add("Cmf:Cluster:Simulator:Speed must be above 0 and at most 1000.");
        }
    }

    private static void ValidateStore(StoreOptionsSection store, List<string> errors)
    {
        if (!Enum.IsDefined(store.Provider))
        {
            errors.Add($"Cmf:Store:Provider must be 'Sqlite' or 'PostgreSql'; got '{store.Provider}'.");
        }
        else if (store.Provider == StoreProviderKind.PostgreSql)
        {
            if (string.IsNullOrWhiteSpace(store.ConnectionString))
            {
                errors.Add("Cmf:Store:ConnectionString is required when Cmf:Store:Provider is PostgreSql (e.g. Host=db;Database=cmf;Username=cmf).");
            }
            else if (!IsNpgsqlConnectionString(store.ConnectionString))
            {
                errors.Add("Cmf:Store:ConnectionString is not a valid PostgreSQL connection string (Host=...;Database=...;Username=...).");
            }
        }
    }

    private static bool IsNpgsqlConnectionString(string connectionString)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Host);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void ValidateEnvironments(List<EnvironmentOptions> environments, List<string> errors)
    {
        for (var i = 0; i < environments.Count; i++)
        {
            var environment = environments[i];
            var where = $"Cmf:Environments:{i}";
            if (!KubernetesName().IsMatch(environment.Name))
            {
                errors.Add($"{where}:Name '{environment.Name}' must be a lowercase DNS label (a-z, 0-9, '-', at most 63 characters).");
            }
            if (!KubernetesName().IsMatch(environment.Namespace))
            {
                errors.Add($"{where}:Namespace '{environment.Namespace}' must be a Kubernetes namespace name.");
            }
            if (environment.FlinkApplicationDefaultsError is { } error)
            {
                errors.Add(error);
            }
            else if (Specs.EnvironmentDefaults.Validate(environment.FlinkApplicationDefaults) is { } shape)
            {
                errors.Add($"{where}:FlinkApplicationDefaults must be a partial FlinkDeployment: {shape}.");
            }
        }
        foreach (var duplicate in environments.GroupBy(e => e.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"Cmf:Environments names '{duplicate.Key}' more than once.");
        }
        foreach (var shared in environments.GroupBy(e => e.Namespace, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"Cmf:Environments binds namespace '{shared.Key}' to more than one environment ({string.Join(", ", shared.Select(e => e.Name))}).");
        }
    }

    private static void ValidateAuth(AuthOptions auth, List<string> errors)
    {
        if (auth.SessionHours is < 1 or > MaxSessionHours)
        {
            errors.Add($"Cmf:Auth:SessionHours must be between 1 and {MaxSessionHours} (a browser session ends that many hours after sign-in; default 12).");
        }
        switch (auth.Mode)
        {
            case AuthMode.Token when string.IsNullOrEmpty(auth.Token):
                errors.Add($"Cmf:Auth:Token must be set to a secret of at least {AccessTokenStrength.MinimumLength} characters when Cmf:Auth:Mode is Token.");
                break;
            case AuthMode.Token when AccessTokenStrength.Weakness(auth.Token) is { } weakness:
                errors.Add($"Cmf:Auth:Token is too weak: {weakness}. Use a generated token of {AccessTokenStrength.RecommendedBits} bits or more, "
                    + "for example the output of 'openssl rand -base64 32'.");
                break;
            case AuthMode.OpenIdConnect:
                if (string.IsNullOrWhiteSpace(auth.OpenIdConnect.Authority) || !Uri.TryCreate(auth.OpenIdConnect.Authority, UriKind.Absolute, out _))
                {
                    errors.Add("Cmf:Auth:OpenIdConnect:Authority must be the absolute URL of the identity provider when Cmf:Auth:Mode is OpenIdConnect.");
                }
                else if (auth.OpenIdConnect.RequireHttpsMetadata && !auth.OpenIdConnect.Authority.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add("Cmf:Auth:OpenIdConnect:Authority must be an https URL (or set Cmf:Auth:OpenIdConnect:RequireHttpsMetadata=false for a test provider).");
                }
                if (string.IsNullOrWhiteSpace(auth.OpenIdConnect.ClientId))
                {
                    errors.Add("Cmf:Auth:OpenIdConnect:ClientId must be set when Cmf:Auth:Mode is OpenIdConnect.");
                }
                if (string.IsNullOrWhiteSpace(auth.OpenIdConnect.RequiredClaimType) && !string.IsNullOrWhiteSpace(auth.OpenIdConnect.RequiredClaimValue))
                {
                    errors.Add("Cmf:Auth:OpenIdConnect:RequiredClaimValue needs Cmf:Auth:OpenIdConnect:RequiredClaimType (the claim that must carry it).");
                }
                break;
        }
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)
        && !value.EndsWith('/');

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex KubernetesName();
}
