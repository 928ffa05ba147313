using System.Text.Json.Nodes;

namespace Cmf.Core.Model;

/// <summary>
/// A named group of applications bound to one namespace. <see cref="FlinkApplicationDefaults"/> is a
/// partial FlinkDeployment (<c>metadata</c>, <c>spec</c>) merged under every submitted spec.
/// </summary>
public sealed record EnvironmentInfo(string Name, string Namespace, JsonObject? FlinkApplicationDefaults = null);
