using System.Text;
using System.Text.Json.Nodes;
using Cmf.Core.Model;
using Cmf.Core.Specs;
using Cmf.Core.Storage;
using Cmf.Core.Storage.Sqlite;
using Cmf.UnitTests.TestSupport;
using Microsoft.Data.Sqlite;

namespace Cmf.UnitTests.Storage;

/// <summary>
/// A store written by the release before secrets were found by value (Fixtures/README.md: its own code wrote it) holds
/// plain secrets in specs, errors and event messages; today's store fingerprints and scrubs them once when it opens it, and
/// leaves nothing of them in the file.
/// </summary>
public sealed class SecretFingerprintRefreshTests
{
    private static readonly string[] Markers =
    [
        "OldStore-JarPass-01", "OldStore-Keystore-02", "OldStore-JavaOpt-03", "OldStore-DbPwd-04", "OldStore-ArgPass-05",
        "OldStore-EnvPass-06", "OldStore-SpPath-08", "OldStore-Reject-09", "OldStore-DefaultsJar-10",
    ];

    private static readonly ApplicationKey Orders = new("prod", "orders");

    [Fact]
    public async Task The_old_store_holds_every_marker_in_plain_text()
    {
        var bytes = await File.ReadAllBytesAsync(FixturePath);

        Assert.All(Markers, marker => Assert.True(Contains(bytes, marker), $"{marker} is not in the fixture: the test below would prove nothing"));
    }

    [Fact]
    public async Task Opening_an_old_store_leaves_no_plain_secret_in_the_database_file_or_its_log()
    {
        using var directory = new TempDirectory();
        await using var opened = await OpenCopyAsync(directory);

        var files = Directory.GetFiles(directory.Path);
        Assert.All(files, file =>
        {
            var bytes = File.ReadAllBytes(file);
            Assert.All(Markers, marker => Assert.False(Contains(bytes, marker), $"{marker} is still in {Path.GetFileName(file)}"));
        });
        Assert.Contains(files, f => f.EndsWith("cmf.db", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Specs_of_an_old_store_read_with_only_their_secret_parts_masked_and_keep_their_hash()
    {
        using var directory = new TempDirectory();
        var path = CopyFixture(directory);
        var hashesBefore = await SpecHashesAsync(path);
        await using var opened = await OpenAsync(path);

        var state = (await opened.Store.LoadStateAsync(Orders, CancellationToken.None))!;
        var spec = SecretMasker.Display((await opened.Queries.GetInstanceAsync(Orders, state.Instances[0].Uid, CancellationToken.None))!.EffectiveSpecJson!);

        Assert.Contains("\"jarURI\":\"https://ci:******@artifacts.example.com/orders.jar\"", spec, StringComparison.Ordinal);
        Assert.Contains("\"args\":[\"--db-pass\",\"******\",\"--input\",\"s3://in\"]", spec, StringComparison.Ordinal);
        Assert.Contains("-Djavax.net.ssl.trustStorePassword=****** -Dlog.level=INFO", spec, StringComparison.Ordinal);
        Assert.Contains("\"containerized.master.env.DB_PWD\":\"******\"", spec, StringComparison.Ordinal);
        Assert.Contains("{\"name\":\"DB_PASS\",\"value\":\"******\"}", spec, StringComparison.Ordinal);
        Assert.Equal(hashesBefore, await SpecHashesAsync(opened.DatabasePath));
    }

    [Fact]
    public async Task Errors_episodes_and_events_of_an_old_store_read_masked_including_a_secret_known_only_by_its_token()
    {
        using var directory = new TempDirectory();
        await using var opened = await OpenCopyAsync(directory);

        var application = (await opened.Queries.GetApplicationAsync(Orders, CancellationToken.None))!;
        var state = (await opened.Store.LoadStateAsync(Orders, CancellationToken.None))!;
        var events = (await opened.Queries.ListEventsAsync(Orders, 0, 100, oldestFirst: true, CancellationToken.None))!.Items;
        const string Masked = "Savepoint failed: keystore password ****** rejected; DB_PWD=******; fetching https://ci:******@artifacts.example.com/orders.jar";

        Assert.Contains(Masked, application.Summary.Error, StringComparison.Ordinal);
        Assert.Contains(Masked, state.ErrorEpisode!.Message, StringComparison.Ordinal);
        Assert.Contains(Masked, state.Instances[0].Error, StringComparison.Ordinal);
        Assert.Contains(events, e => e.Kind == AppEventKind.ErrorSet && e.Message.Contains(Masked, StringComparison.Ordinal) && e.Count == 2);
        Assert.Contains(events, e => e.Kind == AppEventKind.ResourceRejected && e.Message.EndsWith("found \"password=******\"", StringComparison.Ordinal));
        Assert.Equal("s3://AKIAEXAMPLE:******@flink/savepoints/sp-1", state.Status.Reported.UpgradeSavepointPath);
        Assert.Equal(6, events.Count);
        Assert.Equal(2, state.Instances.Count);
    }

    [Fact]
    public async Task Environment_defaults_of_an_old_store_are_fingerprinted_again()
    {
        using var directory = new TempDirectory();
        await using var opened = await OpenCopyAsync(directory);

        var environment = Assert.Single(await opened.Queries.ListEnvironmentsAsync(CancellationToken.None));

        var shown = SecretMasker.Display(JsonNode.Parse(environment.DefaultsJson!))!;
        Assert.Equal("https://ci:******@artifacts.example.com/default.jar", shown["spec"]!["job"]!["jarURI"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_pass_runs_once_a_store_has_been_converted_it_is_not_rewritten_again()
    {
        using var directory = new TempDirectory();
        await (await OpenCopyAsync(directory)).DisposeAsync();
        // A row no release writes (a plain secret in an event), put there behind the store's back.
        await ExecuteAsync(Path.Combine(directory.Path, "cmf.db"), """UPDATE "Events" SET "Message" = 'password=Planted-After-Conversion' WHERE "Id" = 1""");

        await using var reopened = await OpenAsync(Path.Combine(directory.Path, "cmf.db"));

        var events = (await reopened.Queries.ListEventsAsync(Orders, 0, 100, oldestFirst: true, CancellationToken.None))!.Items;
        Assert.Equal("password=Planted-After-Conversion", events[0].Message);
    }

    private static string FixturePath => Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", "store-before-secrets-by-value.db");

    private static Task<OpenedStore> OpenCopyAsync(TempDirectory directory) => OpenAsync(CopyFixture(directory));

    private static string CopyFixture(TempDirectory directory)
    {
        var path = Path.Combine(directory.Path, "cmf.db");
        File.Copy(FixturePath, path);
        return path;
    }

    private static async Task<OpenedStore> OpenAsync(string path)
    {
        var provider = new SqliteStoreProvider(new SqliteStoreOptions(path));
        var store = new InstanceStore(provider, StoreOptions.Default);
        await store.InitializeAsync(CancellationToken.None);
        return new OpenedStore(provider, store, new StoreQueries(provider), path);
    }

    private static async Task<string> SpecHashesAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT group_concat("SpecHash", ',') FROM (SELECT "SpecHash" FROM "Instances" ORDER BY "Id")""";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static bool Contains(byte[] bytes, string marker) => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(marker)) >= 0;

    private sealed record OpenedStore(SqliteStoreProvider Provider, InstanceStore Store, StoreQueries Queries, string DatabasePath) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Store.Dispose();
            await Provider.DisposeAsync();
        }
    }
}
