namespace Cmf.Dashboard.Security;

/// <summary>An http(s) origin with its port always known, so <c>http://a</c> and <c>http://a:80</c> are equal.</summary>
public readonly record struct WebOrigin(string Scheme, string Host, int Port)
{
    /// <summary>Null for anything that is not a plain http(s) origin: <c>null</c>, a path, user info, another scheme.</summary>
    public static WebOrigin? Parse(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
            ? new WebOrigin(uri.Scheme, uri.HostNameType == UriHostNameType.IPv6 ? $"[{uri.IdnHost}]" : uri.IdnHost, uri.Port)
            : null;

    public override string ToString() => $"{Scheme}://{Host}:{Port}";
}
