using Cmf.Core.Storage;
using Cmf.Core.Storage.Sqlite;
using Cmf.Core.Tracking;
using Cmf.UnitTests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cmf.UnitTests.Storage;

/// <summary>
/// A store written by the first release (migration Initial) keeps its history when the current release opens it: the
/// OperatorFidelity migration converts it, nothing is wiped.
/// </summary>
public sealed class MigrationTests
{
    private const string InitialMigration = "20261124073849_Initial";

    [Fact]
    public async Task A_store_of_the_first_release_keeps_its_instances_clusters_and_events()
    {
        using var directory = new TempDirectory();
        await using var provider = new SqliteStoreProvider(new SqliteStoreOptions(directory.File("cmf.db")));
        await using (var db = provider.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(InitialMigration);
        }
        await using (var connection = new SqliteConnection($"Data Source={provider.DatabasePath}"))
        {
            await connection.OpenAsync();
            await ExecuteAsync(connection, """
                INSERT INTO "Applications" ("Id","Environment","Name","Namespace","ObjectUid","Generation","ObjectDeleted","LastSequence",
                    "ObservedGeneration","LastStableSpecHash","LastStableGeneration","CurrentInstanceUid","LatestInstanceUid","LatestInstanceSequence",
                    "InstanceCount","PendingUpgrade","LastCommit")
                VALUES (1,'prod','orders','prod','obj-1',3,0,3,2,'stable-hash',1,'uid-2','uid-3',3,3,1,7);
                INSERT INTO "Instances" ("Id","Uid","ApplicationId","Sequence","ObjectUid","Generation","SpecHash","CreatedAt","SupersededAt","EndedAt",
                    "JobState","StoppedForUpgrade","StatusUpdatedAt")
                VALUES (1,'uid-1',1,1,'obj-1',1,'h1',1000,2000,3000,'Finished',1,2500),
                       (2,'uid-2',1,2,'obj-1',2,'h2',2000,4000,NULL,'Running',0,3500),
                       (3,'uid-3',1,3,'obj-1',3,'h3',4000,NULL,NULL,NULL,0,NULL);
                INSERT INTO "InstanceSpecs" ("InstanceId","EffectiveSpecJson","SubmittedSpecJson")
                VALUES (1,'{"image":"a","serviceAccount":"from-defaults"}','{"image":"a"}'),
                       (2,'{"image":"b"}','{"image":"b"}'),
                       (3,'{"image":"c"}','{"image":"c"}');
                INSERT INTO "Clusters" ("Id","Uid","ApplicationId","Name","OwnerInstanceUid","OwnerSource","StartedAt","EndedAt","EndIsApproximate")
                VALUES (1,'c-1',1,'orders','uid-1','GenerationAnnotation',1100,3000,0),
                       (2,'c-2',1,'orders','uid-2','GenerationAnnotation',3100,NULL,0);
                INSERT INTO "Events" ("ApplicationId","Timestamp","Kind","CmfType","Message") VALUES (1,1000,'InstanceCreated','CMF_STATUS','Instance #1 created');
                """);
        }

        var store = new InstanceStore(provider, StoreOptions.Default);
        await store.InitializeAsync(CancellationToken.None);
        var state = (await store.LoadStateAsync(new Cmf.Core.Model.ApplicationKey("prod", "orders"), CancellationToken.None))!;
        var queries = new StoreQueries(provider);
        var first = (await queries.GetInstanceAsync(state.Key, "uid-1", CancellationToken.None))!;

        Assert.Equal(["uid-1", "uid-2", "uid-3"], state.Instances.Select(i => i.Uid));
        Assert.Equal(InstanceStop.Upgrade, state.Instances[0].Stop);
        Assert.Null(state.Instances[0].StopSavepointPath);
        Assert.NotNull(state.Instances[1].ReconciledAt);
        Assert.Null(state.Instances[2].ReconciledAt);
        Assert.Equal(["c-1", "c-2"], state.Clusters.Select(c => c.Uid));
        Assert.Equal("uid-2", state.CurrentInstanceUid);
        // The effective spec is the observed spec now: the first release had merged environment defaults into it.
        Assert.Equal("""{"image":"a"}""", first.EffectiveSpecJson);
        Assert.Equal(1, (await queries.ListEventsAsync(state.Key, 0, 10, CancellationToken.None))!.TotalCount);
        Assert.True((await queries.GetApplicationAsync(state.Key, CancellationToken.None))!.Summary.PendingUpgrade);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
