using System.Text.Json.Nodes;
using Cmf.Core.Configuration;
using Cmf.Core.Model;
using Cmf.Core.Specs;
using Cmf.Core.Storage.Views;
using Cmf.UnitTests.TestSupport;
using Cmf.UnitTests.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Cmf.UnitTests.Storage;

/// <summary>
/// The fleet-wide changes list on each engine: every instance in a window, newest first, with what it changed
/// (recorded at commit), filtered by environment, application, kind of field and configuration key, paged by cursor.
/// </summary>
public abstract class ChangeListQueryTests(StoreProviderKind engine) : StoreTestBase(engine)
{
    private static readonly DateTimeOffset From = TrackerScenario.Start.AddHours(-1);
    private static readonly DateTimeOffset To = TrackerScenario.Start.AddHours(1);

    private SeededApplication _orders = null!;
    private SeededApplication _payments = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _orders = new SeededApplication(Db.Store, new ApplicationKey("prod", "orders"), "prod");
        _payments = new SeededApplication(Db.Store, new ApplicationKey("staging", "payments"), "staging");
        await _orders.SpecAsync(Spec());
        await _payments.SpecAsync(Spec());
        await _orders.SpecAsync(Spec(image: "flink:1.20.2"));
        await _payments.SpecAsync(Spec(slots: "4"));
        await _payments.SpecAsync(Spec(slots: "4", parallelism: 4));
    }

    private Task<ChangeList> ListAsync(ChangeListQuery? query = null) =>
        Db.Queries.ListChangesAsync(query ?? new ChangeListQuery { From = From, To = To }, None);

    [Fact]
    public async Task Every_instance_in_the_window_is_listed_newest_first_with_what_it_changed()
    {
        var list = await ListAsync();

        Assert.Equal(5, list.Entries.Count);
        Assert.Equal(list.Entries.OrderByDescending(e => e.Instance.CreatedAt).ThenByDescending(e => e.Position.Id).Select(e => e.Instance.Uid),
            list.Entries.Select(e => e.Instance.Uid));
        var orders2 = list.Entries.Single(e => e.Instance.Uid == _orders.InstanceUid(2));
        Assert.Equal("image flink:1.20.1 -> 1.20.2", orders2.Summary);
        Assert.Equal(SpecChangeKinds.Image, orders2.Kinds);
        var payments2 = list.Entries.Single(e => e.Instance.Uid == _payments.InstanceUid(2));
        Assert.Equal("flinkConfiguration taskmanager.numberOfTaskSlots 2 -> 4", payments2.Summary);
        Assert.Equal(["taskmanager.numberoftaskslots"], payments2.ConfigurationKeys);
        Assert.Equal("first instance", list.Entries.Single(e => e.Instance.Uid == _orders.InstanceUid(1)).Summary);
        Assert.Null(list.Next);
    }

    [Fact]
    public async Task Each_change_names_the_kept_instance_before_it_and_carries_its_stored_outcome()
    {
        var list = await ListAsync();

        var payments3 = list.Entries.Single(e => e.Instance.Uid == _payments.InstanceUid(3));
        Assert.Equal(new InstanceReference(_payments.InstanceUid(2), 2), payments3.Previous);
        Assert.Null(list.Entries.Single(e => e.Instance.Uid == _payments.InstanceUid(1)).Previous);
        // No operator took any of them on: the latest is pending, the ones it replaced were never deployed.
        Assert.Equal(Core.Tracking.InstanceOutcomeKind.Pending, payments3.Instance.Outcome?.Kind);
        Assert.Equal(Core.Tracking.InstanceOutcomeKind.NeverDeployed, list.Entries.Single(e => e.Instance.Uid == _payments.InstanceUid(2)).Instance.Outcome?.Kind);
    }

    [Fact]
    public async Task Instances_stored_before_outcomes_were_stored_get_theirs_once_at_start()
    {
        await _orders.DeployedAndRunningAsync();
        await _orders.SpecAsync("v2");
        await _orders.StatusAsync(StatusChanges.SavepointFailed(observedGeneration: 3));
        var stored = (await ListAsync()).Entries.ToDictionary(e => e.Instance.Uid, e => e.Instance.Outcome);
        Assert.Contains(Core.Tracking.InstanceOutcomeKind.UpgradeBlocked, stored.Values.Select(o => o?.Kind));
        await using (var db = Db.Provider.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE \"Instances\" SET \"Outcome\" = NULL, \"OutcomeInstanceUid\" = NULL, \"OutcomeInstanceSequence\" = NULL, \"OutcomeClusterUid\" = NULL, \"OutcomeAt\" = NULL");
            await Db.Provider.WriteDataVersionAsync(db, Core.Storage.Writing.OutcomeBackfill.DataVersion - 1, None);
        }
        Assert.All((await ListAsync()).Entries, e => Assert.Null(e.Instance.Outcome));

        await Db.ReopenAsync();

        Assert.Equal(stored, (await ListAsync()).Entries.ToDictionary(e => e.Instance.Uid, e => e.Instance.Outcome));
    }

    [Fact]
    public async Task Instances_outside_the_window_are_left_out()
    {
        var list = await ListAsync(new ChangeListQuery { From = To, To = To.AddHours(1) });

        Assert.Empty(list.Entries);
    }

    [Fact]
    public async Task An_environment_filter_keeps_its_applications_only()
    {
        var list = await ListAsync(new ChangeListQuery { From = From, To = To, Environment = "staging" });

        Assert.Equal(3, list.Entries.Count);
        Assert.All(list.Entries, e => Assert.Equal(_payments.Key, e.Application));
    }

    [Fact]
    public async Task An_application_name_filter_works_with_and_without_the_environment()
    {
        var byName = await ListAsync(new ChangeListQuery { From = From, To = To, Application = "orders" });
        var byKey = await ListAsync(new ChangeListQuery { From = From, To = To, Environment = "prod", Application = "orders" });
        var wrongEnvironment = await ListAsync(new ChangeListQuery { From = From, To = To, Environment = "staging", Application = "orders" });

        Assert.Equal([_orders.InstanceUid(2), _orders.InstanceUid(1)], byName.Entries.Select(e => e.Instance.Uid));
        Assert.Equal(byName.Entries.Select(e => e.Instance.Uid), byKey.Entries.Select(e => e.Instance.Uid));
        Assert.Empty(wrongEnvironment.Entries);
    }

    [Fact]
    public async Task A_kind_filter_keeps_changes_of_any_of_its_kinds()
    {
        var image = await ListAsync(new ChangeListQuery { From = From, To = To, Kinds = SpecChangeKinds.Image });
        var imageOrParallelism = await ListAsync(new ChangeListQuery { From = From, To = To, Kinds = SpecChangeKinds.Image | SpecChangeKinds.Parallelism });

        Assert.Equal([_orders.InstanceUid(2)], image.Entries.Select(e => e.Instance.Uid));
        Assert.Equal(
            new[] { _orders.InstanceUid(2), _payments.InstanceUid(3) }.Order(StringComparer.Ordinal),
            imageOrParallelism.Entries.Select(e => e.Instance.Uid).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_configuration_key_filter_matches_the_whole_key_whatever_its_case()
    {
        var exact = await ListAsync(new ChangeListQuery { From = From, To = To, ConfigurationKey = "TaskManager.NumberOfTaskSlots" });
        var part = await ListAsync(new ChangeListQuery { From = From, To = To, ConfigurationKey = "taskmanager" });
        var wildcard = await ListAsync(new ChangeListQuery { From = From, To = To, ConfigurationKey = "%" });

        Assert.Equal([_payments.InstanceUid(2)], exact.Entries.Select(e => e.Instance.Uid));
        Assert.Empty(part.Entries);
        Assert.Empty(wildcard.Entries);
    }

    [Fact]
    public async Task Pages_continue_after_the_cursor_without_repeating_or_skipping_a_change()
    {
        var all = await ListAsync();
        var first = await ListAsync(new ChangeListQuery { From = From, To = To, Limit = 2 });
        var second = await ListAsync(new ChangeListQuery { From = From, To = To, Limit = 2, Before = first.Next });
        var third = await ListAsync(new ChangeListQuery { From = From, To = To, Limit = 2, Before = second.Next });

        Assert.NotNull(first.Next);
        Assert.NotNull(second.Next);
        Assert.Null(third.Next);
        Assert.Equal(all.Entries.Select(e => e.Instance.Uid), first.Entries.Concat(second.Entries).Concat(third.Entries).Select(e => e.Instance.Uid));
    }

    [Fact]
    public async Task A_changed_secret_is_recorded_without_its_value()
    {
        await _orders.SpecAsync(Spec(image: "flink:1.20.2", password: "first-secret-value"));
        await _orders.SpecAsync(Spec(image: "flink:1.20.2", password: "second-secret-value"));

        var list = await ListAsync(new ChangeListQuery { From = From, To = To, Environment = "prod", Application = "orders", Limit = 1 });

        Assert.Equal("flinkConfiguration s3.secret-key secret changed", list.Entries.Single().Summary);
    }

    [Fact]
    public async Task Instances_stored_before_changes_were_recorded_get_theirs_once_at_start()
    {
        await using (var db = Db.Provider.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE \"Instances\" SET \"ChangeSummary\" = NULL, \"ChangeKinds\" = 0, \"ChangedConfigurationKeys\" = NULL");
            await Db.Provider.WriteDataVersionAsync(db, Core.Storage.Writing.ChangeBackfill.DataVersion - 1, None);
        }
        Assert.All((await ListAsync()).Entries, e => Assert.Null(e.Summary));

        await Db.ReopenAsync();

        var entries = (await ListAsync()).Entries;
        Assert.Equal("first instance", entries.Single(e => e.Instance.Uid == _orders.InstanceUid(1)).Summary);
        Assert.Equal("image flink:1.20.1 -> 1.20.2", entries.Single(e => e.Instance.Uid == _orders.InstanceUid(2)).Summary);
        var payments2 = entries.Single(e => e.Instance.Uid == _payments.InstanceUid(2));
        Assert.Equal(SpecChangeKinds.Configuration, payments2.Kinds);
        Assert.Equal(["taskmanager.numberoftaskslots"], payments2.ConfigurationKeys);
    }

    private static JsonObject Spec(string image = "flink:1.20.1", string slots = "2", int parallelism = 2, string? password = null)
    {
        var configuration = new JsonObject { ["taskmanager.numberOfTaskSlots"] = slots };
        if (password is not null)
        {
            configuration["s3.secret-key"] = password;
        }
        return new JsonObject
        {
            ["image"] = image,
            ["flinkVersion"] = "v1_20",
            ["serviceAccount"] = "flink",
            ["flinkConfiguration"] = configuration,
            ["jobManager"] = new JsonObject { ["resource"] = new JsonObject { ["cpu"] = 1, ["memory"] = "2048m" } },
            ["taskManager"] = new JsonObject { ["resource"] = new JsonObject { ["cpu"] = 1, ["memory"] = "2048m" } },
            ["job"] = new JsonObject { ["jarURI"] = "local:///opt/flink/job.jar", ["parallelism"] = parallelism, ["upgradeMode"] = "savepoint" },
        };
    }
}

public sealed class ChangeListQueryTestsOnSqlite() : ChangeListQueryTests(StoreProviderKind.Sqlite);

public sealed class ChangeListQueryTestsOnPostgreSql() : ChangeListQueryTests(StoreProviderKind.PostgreSql);
