namespace Cmf.Core.Storage.Sqlite;

/// <summary>Where the SQLite database lives and how long a connection waits for a lock.</summary>
public sealed record SqliteStoreOptions(string DatabasePath)
{
    public const string FileName = "cmf.db";

    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public static SqliteStoreOptions InDirectory(string dataDirectory) => new(Path.Combine(dataDirectory, FileName));
}
