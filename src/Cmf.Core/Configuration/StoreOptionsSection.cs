namespace Cmf.Core.Configuration;

/// <summary>Which database engine holds the history.</summary>
public enum StoreProviderKind
{
    /// <summary>One file, <c>cmf.db</c> in <see cref="CmfOptions.DataDirectory"/>: one replica.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database shared by several replicas (one leader writes, every replica serves).</summary>
    PostgreSql,
}

/// <summary><c>Cmf:Store</c>: the engine and, for PostgreSQL, where the database is.</summary>
public sealed class StoreOptionsSection
{
    public StoreProviderKind Provider { get; set; } = StoreProviderKind.Sqlite;

    /// <summary>An Npgsql connection string (<c>Host=...;Database=...;Username=...</c>); required for PostgreSql.</summary>
    public string? ConnectionString { get; set; }
}
