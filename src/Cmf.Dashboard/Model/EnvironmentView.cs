namespace Cmf.Dashboard.Model;

/// <summary>One environment as its card shows it; <see cref="DefaultsYaml"/> is already masked.</summary>
public sealed record EnvironmentView(string Name, string Namespace, int ApplicationCount, string? DefaultsYaml);
