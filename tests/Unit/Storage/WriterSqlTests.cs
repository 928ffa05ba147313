using System.Text.RegularExpressions;
using Cmf.Core.Model;
using Cmf.Core.Storage.Entities;
using Cmf.Core.Storage.Writing;
using Cmf.Core.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Cmf.UnitTests.Storage;

/// <summary>The writer's SQL follows the EF model: no column of a written table is left out, none is named that the model lacks.</summary>
public sealed partial class WriterSqlTests : StoreTestBase
{
    public static TheoryData<Type> WrittenEntities => new()
    {
        typeof(StoredApplication), typeof(StoredInstance), typeof(StoredInstanceSpec), typeof(StoredCluster),
        typeof(StoredSnapshot), typeof(StoredEvent), typeof(StoredWatchPosition), typeof(PrunedInstance),
    };

    [Theory]
    [MemberData(nameof(WrittenEntities))]
    public async Task Every_property_of_a_written_entity_is_a_column_of_its_insert(Type entity)
    {
        await using var context = Db.Provider.CreateContext();
        var entityType = context.Model.FindEntityType(entity)!;
        var sql = new CommitSql(context);
        var shape = sql.WrittenTables.Single(t => t.Table == entityType.GetTableName());
        var insert = InsertStatements(sql).Single(s => s.StartsWith($"INSERT INTO \"{shape.Table}\" ", StringComparison.Ordinal));
        var insertedColumns = ColumnList().Match(insert).Groups["columns"].Value;

        foreach (var property in entityType.GetProperties().Where(p => !IsGeneratedKey(p)))
        {
            Assert.Contains($"\"{property.GetColumnName()}\"", insertedColumns, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_upsert_updates_every_column_but_its_key_and_those_it_keeps_by_design()
    {
        await using var context = Db.Provider.CreateContext();
        var sql = new CommitSql(context);

        Assert.Equal(
            ["CurrentInstanceSequence", "Environment", "InstanceCount", "LatestInstanceSequence", "LatestInstanceUid", "Name"],
            NotUpdated(sql.Applications, sql.UpsertApplicationTail));
        Assert.Equal(["ApplicationId", "ChangeKinds", "ChangeSummary", "ChangedConfigurationKeys", "Sequence", "Uid"], NotUpdated(sql.Instances, sql.UpsertInstanceTail));
        Assert.Equal(["ApplicationId", "Uid"], NotUpdated(sql.Clusters, sql.UpsertClusterTail));
        Assert.Equal(["ApplicationId", "InstanceUid", "SeenAt", "Uid"], NotUpdated(sql.Snapshots, sql.UpsertSnapshotTail));
    }

    [Fact]
    public async Task Every_name_the_writer_quotes_is_a_table_or_column_of_the_model()
    {
        await using var context = Db.Provider.CreateContext();
        var names = context.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p => p.GetColumnName()).Append(e.GetTableName()!))
            .ToHashSet(StringComparer.Ordinal);

        foreach (var statement in new CommitSql(context).AllSql)
        {
            foreach (Match quoted in QuotedName().Matches(statement))
            {
                Assert.True(names.Contains(quoted.Groups["name"].Value), $"\"{quoted.Groups["name"].Value}\" in: {statement}");
            }
        }
    }

    [Fact]
    public async Task A_statement_of_many_rows_binds_each_row_after_the_other()
    {
        await using var context = Db.Provider.CreateContext();
        var shape = TableShape.Of<StoredWatchPosition>(context);

        var sql = RowsInsert.Sql(shape, "", rows: 3);

        Assert.Equal("""INSERT INTO "WatchPositions" ("Name", "ResourceVersion") VALUES (@p0, @p1), (@p2, @p3), (@p4, @p5)""", sql);
    }

    [Fact]
    public async Task Values_are_converted_as_the_model_stores_them()
    {
        await using var context = Db.Provider.CreateContext();
        var shape = TableShape.Of<StoredEvent>(context);
        var at = new DateTimeOffset(2026, 12, 3, 18, 0, 0, TimeSpan.FromHours(2));
        var row = new StoredEvent { Timestamp = at, Kind = AppEventKind.ClusterStarted, CmfType = "t", Message = "m", LastSeenAt = null };

        Assert.Equal(at.ToUnixTimeMilliseconds(), shape[nameof(StoredEvent.Timestamp)].Read(row));
        Assert.Equal("ClusterStarted", shape[nameof(StoredEvent.Kind)].Read(row));
        Assert.Equal(DBNull.Value, shape[nameof(StoredEvent.LastSeenAt)].Read(row));
        Assert.Throws<ArgumentException>(() => shape["NoSuchProperty"]);
    }

    [Fact]
    public void A_batch_is_cut_where_an_application_or_a_row_comes_back()
    {
        var orders = new TrackedApplication(name: "orders");
        var payments = new TrackedApplication(name: "payments");
        var audit = new TrackedApplication(name: "audit");
        TrackerResult[] batch =
        [
            orders.NewInstance(), payments.NewInstance(), audit.NewInstance(),
            orders.StartCluster(), payments.StartCluster(),
            payments.ReportJobState(JobState.Running),
        ];

        var segments = CommitSegments.Of(ResultRows.Of(batch), int.MaxValue).Select(s => s.Count).ToList();
        var oneByOne = CommitSegments.Of(ResultRows.Of(batch), 1).Select(s => s.Count).ToList();

        Assert.Equal([3, 2, 1], segments);
        Assert.Equal([1, 1, 1, 1, 1, 1], oneByOne);
    }

    private static IEnumerable<string> InsertStatements(CommitSql sql) =>
        sql.AllSql.Where(s => s.StartsWith("INSERT INTO", StringComparison.Ordinal) && !s.Contains("SELECT", StringComparison.Ordinal) && !s.Contains("), (", StringComparison.Ordinal))
            .Concat([sql.InsertTombstoneSql]);

    private static bool IsGeneratedKey(IProperty property) => property.IsPrimaryKey() && property.ValueGenerated != ValueGenerated.Never;

    private static List<string> NotUpdated(TableShape shape, string tail) =>
        [.. shape.Columns.Select(c => c.Name).Where(name => !tail.Split(" WHERE ")[0].Contains($"\"{name}\" = excluded.\"{name}\"", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    [GeneratedRegex("""^INSERT INTO "[^"]+" \((?<columns>[^)]*)\)""")]
    private static partial Regex ColumnList();

    [GeneratedRegex("\"(?<name>[^\"]+)\"")]
    private static partial Regex QuotedName();
}
