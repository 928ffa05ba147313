using Cmf.Core.Configuration;
using Cmf.Core.Storage.Views;

namespace Cmf.UnitTests.Storage;

public abstract class InstanceLookupTests(StoreProviderKind engine) : StoreTestBase(engine)
{
    [Fact]
    public async Task A_retained_uid_is_found_with_its_application_key()
    {
        var app = new TrackedApplication("staging", "checkout");
        await Db.CommitAsync(app.NewInstance(), app.NewInstance());

        var lookup = await Db.Queries.FindInstanceAsync(app.Latest.Uid, None);

        Assert.Equal(new InstanceLookup.Found(app.Latest.Uid, app.Key, 2), lookup);
    }

    [Fact]
    public async Task A_pruned_uid_is_reported_as_pruned()
    {
        var app = new TrackedApplication("staging", "checkout");
        await Db.CommitAsync(app.NewInstance(), app.NewInstance());
        var first = app.Instance(1).Uid;
        await Db.CommitAsync(app.Prune(first));

        var lookup = await Db.Queries.FindInstanceAsync(first, None);

        var pruned = Assert.IsType<InstanceLookup.Pruned>(lookup);
        Assert.Equal((app.Key, 1), (pruned.Application, pruned.Sequence));
    }

    [Fact]
    public async Task An_unknown_uid_is_reported_as_unknown()
    {
        var app = new TrackedApplication();
        await Db.CommitAsync(app.NewInstance());

        var lookup = await Db.Queries.FindInstanceAsync("no-such-uid", None);

        Assert.Equal(new InstanceLookup.Unknown("no-such-uid"), lookup);
    }
}

public sealed class InstanceLookupTestsOnSqlite() : InstanceLookupTests(StoreProviderKind.Sqlite);

public sealed class InstanceLookupTestsOnPostgreSql() : InstanceLookupTests(StoreProviderKind.PostgreSql);
