using Cmf.Core.Configuration;
using Cmf.Core.Model;
using Cmf.Core.Storage;
using Cmf.Core.Storage.Entities;
using Cmf.Core.Storage.Writing;
using Cmf.Core.Tracking;
using Microsoft.Extensions.Time.Testing;

namespace Cmf.UnitTests.Storage;

/// <summary>
/// The writer's multi-row statements give the store the old one-row-per-statement path gives, byte for byte: the same
/// batches are committed to two stores, one written row by row (<c>MaxRowsPerStatement = 1</c>), and every table of
/// both is compared after every commit.
/// </summary>
public abstract class BulkWriteTests(StoreProviderKind engine) : IAsyncLifetime
{
    private static readonly StoreOptions RowByRow = StoreOptions.Default with { MaxRowsPerStatement = 1 };

    private TestStore? _bulk;
    private TestStore? _rowByRow;

    private TestStore Bulk => _bulk!;

    private TestStore OneRowPath => _rowByRow!;

    public async Task InitializeAsync()
    {
        // One clock for both: tombstones carry the commit's time.
        var clock = new FakeTimeProvider(TrackedApplication.Start);
        _bulk = await TestStore.OpenAsync(engine, StoreOptions.Default with { MaxEventsPerApplication = 3 }, clock);
        _rowByRow = await TestStore.OpenAsync(engine, RowByRow with { MaxEventsPerApplication = 3 }, clock);
    }

    public async Task DisposeAsync()
    {
        await (_bulk?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (_rowByRow?.DisposeAsync() ?? ValueTask.CompletedTask);
    }

    [Fact]
    public async Task A_first_start_of_many_applications_gives_the_store_the_one_row_path_gives()
    {
        var apps = Enumerable.Range(1, 50).Select(n => new TrackedApplication(name: $"app-{n:D3}")).ToList();

        await CommitToBothAsync([.. apps.Select(a => a.NewInstance())]);
        await CommitToBothAsync([.. apps.Select(a => a.StartCluster())]);
        await CommitToBothAsync([.. apps.Select(a => a.ReportJobState(JobState.Running))]);

        Assert.Equal(50, (await Bulk.Store.ListApplicationKeysAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Several_results_of_one_application_in_a_batch_end_as_row_by_row_with_the_last_write_winning()
    {
        var orders = new TrackedApplication(name: "orders");
        var payments = new TrackedApplication(name: "payments");

        await CommitToBothAsync(
            orders.NewInstance(), payments.NewInstance(), orders.StartCluster(), orders.ReportJobState(JobState.Running),
            payments.StartCluster(), orders.NewInstance(), orders.RecordEvents(5), payments.ReportJobState(JobState.Failed));
        await CommitToBothAsync(
            orders.EndCluster(), orders.StartCluster(), orders.NewInstance(), orders.Prune(orders.Instance(1).Uid),
            payments.NewInstance(), orders.ReportJobState(JobState.Running), payments.RecordEvents(2));

        var state = await Bulk.Store.LoadStateAsync(orders.Key, CancellationToken.None);
        Assert.Equal(JobState.Running, state!.Status.Reported.JobState);
        Assert.Equal(orders.State.Instances.Select(i => i.Uid), state.Instances.Select(i => i.Uid));
    }

    [Fact]
    public async Task A_result_replayed_in_the_same_batch_is_written_as_row_by_row()
    {
        var app = new TrackedApplication();
        var created = app.NewInstance();
        var started = app.StartCluster();

        await CommitToBothAsync(created, started, created, started);
        await CommitToBothAsync(created);
    }

    [Fact]
    public async Task An_instance_uid_another_application_already_holds_stays_with_it_as_row_by_row()
    {
        var owner = new TrackedApplication(name: "owner");
        var intruder = new TrackedApplication(name: "intruder");
        var owned = owner.NewInstance();
        var stolen = intruder.NewInstance();
        stolen = stolen with
        {
            State = stolen.State with { Instances = [stolen.State.Instances[0] with { Uid = owned.State.Instances[0].Uid, Sequence = 1 }] },
            NewInstanceSpecs = [new InstanceSpec(owned.State.Instances[0].Uid, "{\"spec\":\"intruder\"}")],
        };

        await CommitToBothAsync(owned, stolen);

        var intruderState = await Bulk.Store.LoadStateAsync(intruder.Key, CancellationToken.None);
        Assert.Empty(intruderState!.Instances);
    }

    [Fact]
    public async Task Hostile_strings_are_stored_verbatim_by_both_paths()
    {
        const string hostile = "o'k\"); DROP TABLE \"Events\";-- @p0 @p1 excluded.\"Name\" $1 \u202Egnp.exe ✓ \\ %_";
        var app = new TrackedApplication(environment: "prod'\"", name: hostile, @namespace: "ns-@p2");
        var other = new TrackedApplication(name: "@p0");

        await CommitToBothAsync(app.NewInstance(flinkVersion: hostile, upgradeMode: "@p3"), other.NewInstance(), app.RecordEvents(2));

        var stored = await Bulk.Store.LoadStateAsync(app.Key, CancellationToken.None);
        Assert.Equal(hostile, stored!.Key.Name);
        Assert.Equal(hostile, stored.Instances.Single().FlinkVersion);
        Assert.Equal("ns-@p2", stored.Namespace);
    }

    [Fact]
    public async Task A_batch_with_more_rows_than_one_statement_may_bind_is_split_and_gives_the_same_store()
    {
        const int applications = 2500;
        await using (var context = Bulk.Provider.CreateContext())
        {
            var applicationColumns = TableShape.Of<StoredApplication>(context).Columns.Count;
            // The premise: one multi-row statement cannot carry this batch's application rows.
            Assert.True(applications * applicationColumns > Bulk.Provider.MaxParametersPerStatement);
            Assert.True(Bulk.Provider.ParametersPerStatement <= Bulk.Provider.MaxParametersPerStatement);
        }
        var apps = Enumerable.Range(1, applications).Select(n => new TrackedApplication(name: $"app-{n:D5}")).ToList();

        await CommitToBothAsync([.. apps.Select(a => a.NewInstance())]);
        await CommitToBothAsync([.. apps.Select(a => a.StartCluster())]);

        Assert.Equal(applications, (await Bulk.Store.ListApplicationKeysAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Watch_positions_are_written_in_the_batch_by_both_paths()
    {
        var app = new TrackedApplication();
        var positions = new Dictionary<string, string> { ["FlinkDeployment/*"] = "41", ["JobManagerPod/*"] = "'; --" };

        await CommitToBothAsync(positions, app.NewInstance());
        positions["FlinkDeployment/*"] = "42";
        await CommitToBothAsync(positions, app.ReportJobState(JobState.Running));

        Assert.Equal("42", (await Bulk.Store.LoadWatchPositionsAsync(CancellationToken.None))["FlinkDeployment/*"]);
    }

    private Task CommitToBothAsync(params TrackerResult[] batch) => CommitToBothAsync(new Dictionary<string, string>(), batch);

    private async Task CommitToBothAsync(IReadOnlyDictionary<string, string> positions, params TrackerResult[] batch)
    {
        var bulk = await Bulk.Store.CommitAsync(batch, positions, CancellationToken.None);
        var rowByRow = await OneRowPath.Store.CommitAsync(batch, positions, CancellationToken.None);

        Assert.Equal(rowByRow.Sequence, bulk.Sequence);
        Assert.Equal(rowByRow.Applications, bulk.Applications);
        Assert.Equal(rowByRow.NewInstanceUids, bulk.NewInstanceUids);
        Assert.Equal(rowByRow.ChangedInstanceUids, bulk.ChangedInstanceUids);
        Assert.Equal(rowByRow.PrunedInstanceUids, bulk.PrunedInstanceUids);
        var expected = await StoreDump.ReadAsync(OneRowPath);
        var actual = await StoreDump.ReadAsync(Bulk);
        Assert.NotEmpty(expected);
        var onlyRowByRow = string.Join(Environment.NewLine, expected.Except(actual));
        var onlyBulk = string.Join(Environment.NewLine, actual.Except(expected));
        Assert.True(onlyRowByRow.Length + onlyBulk.Length == 0, $"row by row only:\n{onlyRowByRow}\nbulk only:\n{onlyBulk}");
        Assert.Equal(expected, actual);
    }
}

public sealed class SqliteBulkWriteTests() : BulkWriteTests(StoreProviderKind.Sqlite);

public sealed class PostgreSqlBulkWriteTests() : BulkWriteTests(StoreProviderKind.PostgreSql);
