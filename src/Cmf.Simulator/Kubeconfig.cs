namespace Cmf.Simulator;

/// <summary>Writes a kubeconfig that points kubectl (or KubernetesClient) at the simulated cluster.</summary>
internal static class Kubeconfig
{
    public const string Name = "cmf-simulator";

    /// <summary>A placeholder: the simulated API server accepts every request.</summary>
    public const string DummyToken = "cmf-simulator-token";

    public static string Write(string path, Uri server)
    {
        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }
        var text = $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: {Name}
              cluster:
                server: {server.GetLeftPart(UriPartial.Authority)}
            contexts:
            - name: {Name}
              context:
                cluster: {Name}
                user: {Name}
                namespace: default
            current-context: {Name}
            preferences: {"{}"}
            users:
            - name: {Name}
              user:
                token: {DummyToken}

            """;
        File.WriteAllText(full, text);
        return full;
    }
}
