using Cmf.Core.Configuration;
using Cmf.Core.Model;
using Cmf.Core.Tracking;
using Cmf.Dashboard.Model;
using Cmf.UnitTests.TestSupport;
using Cmf.UnitTests.Tracking;

namespace Cmf.UnitTests.Storage;

/// <summary>
/// The changes list filtered by outcome is one query per page on the stored outcome: more matches than any former cap
/// (500 examined changes) page through completely, newest first, without repeats or gaps, on each engine.
/// </summary>
public abstract class ChangeOutcomeFilterTests(StoreProviderKind engine) : StoreTestBase(engine)
{
    private const int Replaced = 620;

    private static readonly DateTimeOffset From = TrackerScenario.Start.AddHours(-1);
    private static readonly DateTimeOffset To = TrackerScenario.Start.AddDays(2);

    private SeededApplication _orders = null!;
    private SeededApplication _payments = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // orders: 621 spec changes the operator never takes on: #1..#620 are never deployed, #621 is pending.
        _orders = new SeededApplication(Db.Store, new ApplicationKey("prod", "orders"), "prod", new TrackerSettings(MaxInstancesPerApplication: 1000));
        for (var version = 1; version <= Replaced + 1; version++)
        {
            await _orders.SpecAsync($"v{version}");
        }
        _payments = new SeededApplication(Db.Store, new ApplicationKey("staging", "payments"), "staging");
        await _payments.DeployedAndRunningAsync();
    }

    private async Task<List<ChangeRow>> ReadAllAsync(ChangeOutcome outcome)
    {
        var rows = new List<ChangeRow>();
        var filter = new ChangeListFilter { From = From, To = To, Outcome = outcome };
        for (var page = 0; page < 20; page++)
        {
            var read = await ChangeListReader.ReadAsync(Db.Queries, filter, ChangeListReader.MaxPageSize, _payments.Now, None);
            rows.AddRange(read.Rows);
            if (read.Next is null)
            {
                return rows;
            }
            Assert.Equal(ChangeListReader.MaxPageSize, read.Rows.Count);
            filter = filter with { Before = read.Next };
        }
        throw new Xunit.Sdk.XunitException("The pages did not end.");
    }

    [Fact]
    public async Task More_than_500_never_deployed_changes_page_through_completely_newest_first()
    {
        var rows = await ReadAllAsync(ChangeOutcome.NeverDeployed);

        Assert.Equal(Enumerable.Range(1, Replaced).Reverse().Select(_orders.InstanceUid), rows.Select(r => r.Instance.Uid));
        Assert.All(rows, r => Assert.Equal(InstanceOutcomeKind.NeverDeployed, r.Outcome?.Kind));
    }

    [Fact]
    public async Task The_pending_filter_keeps_only_the_change_the_operator_has_not_taken_on()
    {
        var rows = await ReadAllAsync(ChangeOutcome.Pending);

        Assert.Equal([_orders.InstanceUid(Replaced + 1)], rows.Select(r => r.Instance.Uid));
        Assert.Equal("pending", rows[0].Outcome?.Text);
    }

    [Fact]
    public async Task The_deployed_filter_tested_on_the_walk_skips_hundreds_of_other_changes_to_find_the_deployed_one()
    {
        var rows = await ReadAllAsync(ChangeOutcome.Deployed);

        Assert.Equal([_payments.InstanceUid(1)], rows.Select(r => r.Instance.Uid));
        Assert.Equal("current", rows[0].Outcome?.Text);
    }
}

public sealed class ChangeOutcomeFilterTestsOnSqlite() : ChangeOutcomeFilterTests(StoreProviderKind.Sqlite);

public sealed class ChangeOutcomeFilterTestsOnPostgreSql() : ChangeOutcomeFilterTests(StoreProviderKind.PostgreSql);
