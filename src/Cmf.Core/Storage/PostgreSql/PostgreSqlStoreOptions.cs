namespace Cmf.Core.Storage.PostgreSql;

/// <summary>The PostgreSQL database every replica shares (<c>Cmf:Store:ConnectionString</c>).</summary>
public sealed record PostgreSqlStoreOptions(string ConnectionString);
