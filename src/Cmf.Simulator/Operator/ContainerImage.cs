using System.Security.Cryptography;
using System.Text;

namespace Cmf.Simulator.Operator;

/// <summary>
/// Image references as a container runtime reports them in a pod's containerStatuses: normalized the way
/// docker's reference library does (ParseNormalizedNamed: docker.io, library/, :latest), with a repository digest.
/// </summary>
internal static class ContainerImage
{
    private const string DefaultDomain = "docker.io";

    /// <summary>"flink:1.20" becomes "docker.io/library/flink:1.20"; "ghcr.io/acme/job" becomes "ghcr.io/acme/job:latest".</summary>
    public static string Normalize(string image)
    {
        var (repository, suffix) = Split(image.Trim());
        return repository + suffix;
    }

    /// <summary>The repository digest the runtime pulled, e.g. "docker.io/library/flink@sha256:&lt;64 hex&gt;"; the same image always has the same digest.</summary>
    public static string ImageId(string image)
    {
        var (repository, suffix) = Split(image.Trim());
        if (suffix.StartsWith("@sha256:", StringComparison.Ordinal))
        {
            return repository + suffix;
        }
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(repository + suffix)));
        return $"{repository}@sha256:{digest}";
    }

    private static (string Repository, string Suffix) Split(string reference)
    {
        string name, suffix;
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            (name, suffix) = (reference[..at], reference[at..]);
        }
        else
        {
            // A tag's colon comes after the last slash; an earlier one is a registry's port.
            var tag = reference.IndexOf(':', reference.LastIndexOf('/') + 1);
            (name, suffix) = tag >= 0 ? (reference[..tag], reference[tag..]) : (reference, ":latest");
        }
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? "" : name[..slash];
        var hasDomain = first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost";
        var repository = hasDomain ? name : $"{DefaultDomain}/{(slash < 0 ? "library/" : "")}{name}";
        return (repository, suffix);
    }
}
