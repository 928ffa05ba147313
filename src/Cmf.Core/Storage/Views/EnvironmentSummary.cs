namespace Cmf.Core.Storage.Views;

/// <summary>
/// One environment with its defaults and how many applications it holds. An environment that has
/// applications but no configuration is named after its namespace (DESIGN 3.1).
/// </summary>
public sealed record EnvironmentSummary(string Name, string Namespace, string? DefaultsJson, int ApplicationCount);
