using Cmf.Simulator.Store;

namespace Cmf.Simulator.Api;

/// <summary>
/// A request path that names resources: <c>/api/v1/{plural}</c>, <c>/apis/{group}/{version}/namespaces/{ns}/{plural}/{name}/{subresource}</c>
/// and the shapes in between.
/// </summary>
internal sealed record ResourceRoute(ResourceType Type, string? Namespace, string? Name, string? Subresource)
{
    public bool IsCollection => Name is null;

    public ObjectKey Key => new(Namespace ?? "", Name ?? "");

    public static ResourceRoute? TryParse(string path)
    {
        var segments = path.Trim('/').Split('/');
        string group, version;
        int rest;
        if (segments.Length >= 3 && segments[0] == "api")
        {
            (group, version, rest) = ("", segments[1], 2);
        }
        else if (segments.Length >= 4 && segments[0] == "apis")
        {
            (group, version, rest) = (segments[1], segments[2], 3);
        }
        else
        {
            return null;
        }
        var tail = segments[rest..];
        if (tail.Any(s => s.Length == 0))
        {
            return null;
        }
        if (tail.Length >= 3 && tail[0] == "namespaces" && ResourceTypes.Find(group, version, tail[2]) is { Namespaced: true } namespaced)
        {
            return tail.Length switch
            {
                3 => new ResourceRoute(namespaced, tail[1], null, null),
                4 => new ResourceRoute(namespaced, tail[1], tail[3], null),
                5 => new ResourceRoute(namespaced, tail[1], tail[3], tail[4]),
                _ => null,
            };
        }
        if (ResourceTypes.Find(group, version, tail[0]) is not { } type)
        {
            return null;
        }
        return tail.Length switch
        {
            1 => new ResourceRoute(type, null, null, null),
            2 when !type.Namespaced => new ResourceRoute(type, null, tail[1], null),
            3 when !type.Namespaced => new ResourceRoute(type, null, tail[1], tail[2]),
            _ => null,
        };
    }
}
