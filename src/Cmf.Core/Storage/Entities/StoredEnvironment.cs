namespace Cmf.Core.Storage.Entities;

/// <summary>A configured environment; <see cref="DefaultsJson"/> is its flinkApplicationDefaults.</summary>
internal sealed class StoredEnvironment
{
    public required string Name { get; set; }

    public required string Namespace { get; set; }

    public string? DefaultsJson { get; set; }
}
