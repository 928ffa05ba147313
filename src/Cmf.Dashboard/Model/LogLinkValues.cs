namespace Cmf.Dashboard.Model;

/// <summary>The values for <c>Cmf:Logging:LinkTemplate</c>'s placeholders {uid} {namespace} {app} {from} {to}.</summary>
public sealed record LogLinkValues(string InstanceUid, string Namespace, string Application, DateTimeOffset From, DateTimeOffset To);
