using System.Data.Common;
using Cmf.Core.Model;
using Cmf.Core.Storage.Views;
using Cmf.Core.Storage.Writing;
using Microsoft.EntityFrameworkCore;

namespace Cmf.UnitTests.Storage;

/// <summary>
/// Every query reads the history tables through an index (SEARCH), never by a full SCAN, so its cost
/// follows one application's retained rows and not the total history. Plans come from SQLite's
/// EXPLAIN QUERY PLAN of the exact SQL and parameters each call sends.
/// </summary>
public sealed class QueryPlanTests : StoreTestBase
{
    private readonly TrackedApplication _app = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var other = new TrackedApplication("staging", "payments");
        await Db.CommitAsync(_app.NewInstance(), _app.StartCluster(), _app.ReportJobState(JobState.Running), _app.NewInstance(), other.NewInstance());
        await Db.CommitAsync(_app.EndCluster(), _app.StartCluster(), _app.NewInstance(), _app.Prune(_app.Instance(1).Uid));
    }

    public static TheoryData<ApplicationSort, bool, string> ListSorts => new()
    {
        { ApplicationSort.Name, false, "IX_Applications_Name_Environment" },
        { ApplicationSort.Environment, true, "IX_Applications_Environment_Name" },
        { ApplicationSort.JobState, false, "IX_Applications_JobState" },
        { ApplicationSort.LastChange, true, "IX_Applications_LastChangeAt" },
        { ApplicationSort.InstanceCount, true, "IX_Applications_InstanceCount" },
    };

    public static TheoryData<ApplicationSort, bool, string> ListSortsInOneEnvironment => new()
    {
        { ApplicationSort.Name, true, "IX_Applications_Environment_Name" },
        { ApplicationSort.Environment, false, "IX_Applications_Environment_Name" },
        { ApplicationSort.JobState, true, "IX_Applications_Environment_JobState" },
        { ApplicationSort.LastChange, false, "IX_Applications_Environment_LastChangeAt" },
        { ApplicationSort.InstanceCount, true, "IX_Applications_Environment_InstanceCount" },
    };

    [Theory]
    [MemberData(nameof(ListSorts))]
    public async Task Application_list_reads_a_page_in_the_order_of_its_sort_index(ApplicationSort sort, bool descending, string index)
    {
        var plans = await RecordAsync(() => Db.Queries.ListApplicationsAsync(new ApplicationListQuery { Sort = sort, Descending = descending }, None));

        var page = plans.Single(p => p.Sql.Contains("ORDER BY", StringComparison.Ordinal));
        Assert.True(page.UsesIndex(index), page.ToString());
        Assert.False(page.SortsWithoutIndex, page.ToString());
    }

    [Theory]
    [MemberData(nameof(ListSortsInOneEnvironment))]
    public async Task Application_list_of_one_environment_reads_a_page_in_index_order(ApplicationSort sort, bool descending, string index)
    {
        var query = new ApplicationListQuery { Environment = "prod", Sort = sort, Descending = descending };

        var plans = await RecordAsync(() => Db.Queries.ListApplicationsAsync(query, None));

        var page = plans.Single(p => p.Sql.Contains("ORDER BY", StringComparison.Ordinal));
        Assert.True(page.UsesIndex(index), page.ToString());
        Assert.False(page.SortsWithoutIndex, page.ToString());
    }

    [Fact]
    public async Task Application_list_filtered_by_job_state_searches_the_job_state_index()
    {
        var query = new ApplicationListQuery { JobStates = [JobState.Running, JobState.Failed], Sort = ApplicationSort.JobState };

        var plans = await RecordAsync(() => Db.Queries.ListApplicationsAsync(query, None));

        Assert.All(plans, p => Assert.True(p.UsesIndex("IX_Applications_JobState"), p.ToString()));
        Assert.All(plans, p => Assert.Contains(p.Details, d => d.EndsWith("IX_Applications_JobState (JobState=?)", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Application_list_filtered_by_name_pattern_and_excluded_job_states_reads_one_environment_in_name_order()
    {
        var query = new ApplicationListQuery
        {
            Environment = "prod",
            NamePatterns = ["ord*", "*s"],
            ExcludedJobStates = [JobState.Failed],
        };

        var plans = await RecordAsync(() => Db.Queries.ListApplicationsAsync(query, None));

        Assert.All(plans, p => Assert.DoesNotContain("Applications", p.ScannedTables()));
        var page = plans.Single(p => p.Sql.Contains("ORDER BY", StringComparison.Ordinal));
        Assert.True(page.UsesIndex("IX_Applications_Environment_Name"), page.ToString());
        Assert.False(page.SortsWithoutIndex, page.ToString());
    }

    [Fact]
    public async Task Events_filtered_by_type_and_tested_while_read_go_through_the_application_index_in_batches()
    {
        var query = new EventListQuery { Types = ["JOB_STATUS", "CMF_STATUS"], ExcludedTypes = ["CLUSTER_STATUS"], Matches = _ => true };

        var plans = await RecordAsync(() => Db.Queries.ListEventsAsync(_app.Key, query, None));

        AssertIndexDriven(plans, "IX_Events_ApplicationId_Id");
        Assert.DoesNotContain(plans, p => p.SortsWithoutIndex);
    }

    [Fact]
    public async Task Application_detail_finds_its_row_by_environment_and_name()
    {
        var plans = await RecordAsync(() => Db.Queries.GetApplicationAsync(_app.Key, None));

        AssertIndexDriven(plans, "IX_Applications_Environment_Name");
    }

    [Fact]
    public async Task Instance_lookup_by_uid_alone_searches_the_uid_indexes()
    {
        var plans = await RecordAsync(() => Db.Queries.FindInstanceAsync("unknown-uid", None));

        AssertIndexDriven(plans, "IX_Instances_Uid", "sqlite_autoindex_PrunedInstances_1");
    }

    [Fact]
    public async Task Instance_detail_reads_only_rows_of_its_application()
    {
        var plans = await RecordAsync(() => Db.Queries.GetInstanceAsync(_app.Key, _app.Instance(2).Uid, None));

        AssertIndexDriven(plans, "IX_Instances_Uid", "IX_Clusters_ApplicationId_StartedAt", "IX_Instances_ApplicationId_Sequence");
        Assert.Contains(plans, p => p.Sql.Contains("\"InstanceSpecs\"", StringComparison.Ordinal)
            && p.Details.Any(d => d.Contains("USING INTEGER PRIMARY KEY", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(InstanceSort.Sequence, true, "IX_Instances_ApplicationId_Sequence")]
    [InlineData(InstanceSort.CreatedAt, false, "IX_Instances_ApplicationId_CreatedAt")]
    public async Task Instances_page_reads_in_index_order(InstanceSort sort, bool descending, string index)
    {
        var query = new InstanceListQuery { Sort = sort, Descending = descending };

        var plans = await RecordAsync(() => Db.Queries.ListInstancesAsync(_app.Key, query, None));

        AssertIndexDriven(plans, index);
        Assert.DoesNotContain(plans, p => p.SortsWithoutIndex);
    }

    [Fact]
    public async Task Instances_page_by_uid_reads_only_rows_of_its_application()
    {
        var query = new InstanceListQuery { Sort = InstanceSort.Uid, Descending = false };

        var plans = await RecordAsync(() => Db.Queries.ListInstancesAsync(_app.Key, query, None));

        AssertIndexDriven(plans, "IX_Instances_ApplicationId_Sequence");
    }

    [Fact]
    public async Task Events_page_oldest_first_reads_in_index_order()
    {
        var plans = await RecordAsync(() => Db.Queries.ListEventsAsync(_app.Key, 0, 20, oldestFirst: true, None));

        AssertIndexDriven(plans, "IX_Events_ApplicationId_Id");
        Assert.DoesNotContain(plans, p => p.SortsWithoutIndex);
    }

    [Fact]
    public async Task Changes_list_reads_a_page_newest_first_in_the_creation_time_index_without_sorting()
    {
        var query = new ChangeListQuery { From = TrackedApplication.Start.AddDays(-1), To = TrackedApplication.Start.AddDays(1) };

        var plans = await RecordAsync(() => Db.Queries.ListChangesAsync(query, None));

        var page = plans.First(p => p.Sql.Contains("ORDER BY", StringComparison.Ordinal));
        Assert.True(page.UsesIndex("IX_Instances_CreatedAt_Id"), page.ToString());
        Assert.False(page.SortsWithoutIndex, page.ToString());
    }

    [Fact]
    public async Task Changes_list_reads_a_page_and_each_rows_previous_instance_in_one_indexed_statement()
    {
        var query = new ChangeListQuery { From = TrackedApplication.Start.AddDays(-1), To = TrackedApplication.Start.AddDays(1) };

        var plans = await RecordAsync(() => Db.Queries.ListChangesAsync(query, None));

        var page = Assert.Single(plans);
        AssertIndexDriven(plans, "IX_Instances_CreatedAt_Id", "IX_Instances_ApplicationId_Sequence");
        // The previous instance's uid and sequence come from one lookup per row, not one subquery per column.
        Assert.Equal(1, CorrelatedSubqueries(page));
    }

    [Fact]
    public async Task Changes_list_of_one_environment_with_kind_and_key_filters_still_reads_in_index_order()
    {
        var query = new ChangeListQuery
        {
            From = TrackedApplication.Start.AddDays(-1), To = TrackedApplication.Start.AddDays(1), Environment = "prod",
            Kinds = Core.Specs.SpecChangeKinds.Image, ConfigurationKey = "parallelism.default",
            Before = new ChangeCursor(TrackedApplication.Start.AddHours(1), 100),
        };

        var plans = await RecordAsync(() => Db.Queries.ListChangesAsync(query, None));

        var page = plans.First(p => p.Sql.Contains("ORDER BY", StringComparison.Ordinal));
        Assert.True(page.UsesIndex("IX_Instances_CreatedAt_Id"), page.ToString());
        Assert.False(page.SortsWithoutIndex, page.ToString());
    }

    [Theory]
    [InlineData(Core.Tracking.InstanceOutcomeKind.UpgradeBlocked)]
    [InlineData(Core.Tracking.InstanceOutcomeKind.RolledBack)]
    public async Task Changes_list_filtered_by_a_rare_outcome_seeks_it_in_the_outcome_index_without_sorting(Core.Tracking.InstanceOutcomeKind outcome)
    {
        var query = new ChangeListQuery { From = TrackedApplication.Start.AddDays(-1), To = TrackedApplication.Start.AddDays(1), Outcomes = [outcome] };

        var plans = await RecordAsync(() => Db.Queries.ListChangesAsync(query, None));

        var page = plans.First(p => p.Sql.Contains("ORDER BY", StringComparison.Ordinal));
        Assert.True(page.UsesIndex("IX_Instances_Outcome_CreatedAt_Id"), page.ToString());
        Assert.False(page.SortsWithoutIndex, page.ToString());
        Assert.DoesNotContain("Instances", page.ScannedTables());
    }

    [Fact]
    public async Task Changes_list_filtered_by_an_outcome_of_two_kinds_seeks_both_in_the_outcome_index()
    {
        var query = new ChangeListQuery
        {
            From = TrackedApplication.Start.AddDays(-1), To = TrackedApplication.Start.AddDays(1),
            Outcomes = [Core.Tracking.InstanceOutcomeKind.Pending, Core.Tracking.InstanceOutcomeKind.Deploying],
        };

        var plans = await RecordAsync(() => Db.Queries.ListChangesAsync(query, None));

        var page = plans.First(p => p.Sql.Contains("ORDER BY", StringComparison.Ordinal));
        Assert.True(page.UsesIndex("IX_Instances_Outcome_CreatedAt_Id"), page.ToString());
        Assert.DoesNotContain("Instances", page.ScannedTables());
    }

    [Fact]
    public async Task Changes_list_filtered_by_the_deployed_outcomes_walks_the_creation_time_index_in_order()
    {
        var deployed = Enum.GetValues<Core.Tracking.InstanceOutcomeKind>()
            .Where(k => k is not (Core.Tracking.InstanceOutcomeKind.Pending or Core.Tracking.InstanceOutcomeKind.UpgradeBlocked
                or Core.Tracking.InstanceOutcomeKind.Deploying or Core.Tracking.InstanceOutcomeKind.NeverDeployed
                or Core.Tracking.InstanceOutcomeKind.RolledBack or Core.Tracking.InstanceOutcomeKind.Reverted))
            .ToList();
        var query = new ChangeListQuery
        {
            From = TrackedApplication.Start.AddDays(-1), To = TrackedApplication.Start.AddDays(1), Environment = "prod", Outcomes = deployed,
        };

        var plans = await RecordAsync(() => Db.Queries.ListChangesAsync(query, None));

        var page = plans.First(p => p.Sql.Contains("ORDER BY", StringComparison.Ordinal));
        Assert.True(page.UsesIndex("IX_Instances_CreatedAt_Id"), page.ToString());
        Assert.False(page.SortsWithoutIndex, page.ToString());
    }

    [Fact]
    public async Task Changes_list_of_one_application_and_an_outcome_reads_an_index_of_either()
    {
        var query = new ChangeListQuery
        {
            From = TrackedApplication.Start.AddDays(-1), To = TrackedApplication.Start.AddDays(1),
            Environment = _app.Key.Environment, Application = _app.Key.Name, Outcomes = [Core.Tracking.InstanceOutcomeKind.NeverDeployed],
        };

        var plans = await RecordAsync(() => Db.Queries.ListChangesAsync(query, None));

        AssertIndexDriven(plans);
        var page = plans.First(p => p.Sql.Contains("ORDER BY", StringComparison.Ordinal) && p.Sql.Contains("\"CreatedAt\" DESC", StringComparison.Ordinal));
        Assert.True(page.UsesIndex("IX_Instances_ApplicationId_CreatedAt") || page.UsesIndex("IX_Instances_Outcome_CreatedAt_Id"), page.ToString());
    }

    [Fact]
    public async Task Changes_list_of_one_application_reads_its_own_index()
    {
        var query = new ChangeListQuery
        {
            From = TrackedApplication.Start.AddDays(-1), To = TrackedApplication.Start.AddDays(1), Environment = _app.Key.Environment, Application = _app.Key.Name,
        };

        var plans = await RecordAsync(() => Db.Queries.ListChangesAsync(query, None));

        var page = plans.First(p => p.Sql.Contains("ORDER BY", StringComparison.Ordinal) && p.Sql.Contains("\"CreatedAt\" DESC", StringComparison.Ordinal));
        Assert.True(page.UsesIndex("IX_Instances_ApplicationId_CreatedAt"), page.ToString());
    }

    [Fact]
    public async Task Spec_texts_of_a_page_search_instances_by_uid_and_specs_by_key()
    {
        var plans = await RecordAsync(() => Db.Queries.ListInstanceSpecsAsync([_app.Instance(2).Uid, _app.Instance(3).Uid], None));

        AssertIndexDriven(plans, "IX_Instances_Uid");
        Assert.Contains(plans, p => p.Details.Any(d => d.Contains("USING INTEGER PRIMARY KEY", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Spec_lengths_of_a_page_are_counted_by_the_database_through_the_same_indexes()
    {
        var plans = await RecordAsync(() => Db.Queries.ListInstanceSpecLengthsAsync([_app.Instance(2).Uid, _app.Instance(3).Uid], None));

        AssertIndexDriven(plans, "IX_Instances_Uid");
        var read = plans.Single(p => p.Sql.Contains("EffectiveSpecJson", StringComparison.Ordinal));
        // The text is only ever an argument of length(): it is not read into the process.
        Assert.Equal(
            System.Text.RegularExpressions.Regex.Count(read.Sql, "EffectiveSpecJson"),
            System.Text.RegularExpressions.Regex.Count(read.Sql, @"length\(""\w+""\.""EffectiveSpecJson""\)"));
    }

    [Fact]
    public async Task Events_page_reads_newest_first_from_the_application_index()
    {
        var plans = await RecordAsync(() => Db.Queries.ListEventsAsync(_app.Key, 0, 20, None));

        AssertIndexDriven(plans, "IX_Events_ApplicationId_Id");
        Assert.DoesNotContain(plans, p => p.SortsWithoutIndex);
    }

    [Fact]
    public async Task Timeline_in_a_range_searches_instances_and_clusters_by_application_and_time()
    {
        var range = new TimeRange(TrackedApplication.Start, TrackedApplication.Start.AddHours(1));

        var plans = await RecordAsync(() => Db.Queries.GetTimelineAsync(_app.Key, range, None));

        AssertIndexDriven(plans, "IX_Instances_ApplicationId_CreatedAt", "IX_Clusters_ApplicationId_StartedAt");
        Assert.Contains(plans, p => p.Details.Any(d => d.Contains("(ApplicationId=? AND CreatedAt<?)", StringComparison.Ordinal)));
        Assert.DoesNotContain(plans, p => p.SortsWithoutIndex);
    }

    [Fact]
    public async Task Environments_count_applications_from_an_environment_index_without_touching_history()
    {
        var plans = await RecordAsync(() => Db.Queries.ListEnvironmentsAsync(None));

        AssertIndexDriven(plans);
        var counting = plans.Single(p => p.Sql.Contains("GROUP BY", StringComparison.Ordinal));
        Assert.Contains(counting.Details, d => d.Contains("USING COVERING INDEX IX_Applications_Environment_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Change_catch_up_searches_the_commit_index()
    {
        var plans = await RecordAsync(() => Db.Queries.ListApplicationsChangedAfterAsync(1, None));

        AssertIndexDriven(plans, "IX_Applications_LastCommit");
    }

    [Fact]
    public async Task Loading_a_state_reads_only_rows_of_its_application()
    {
        var plans = await RecordAsync(() => Db.Store.LoadStateAsync(_app.Key, None));

        AssertIndexDriven(plans, "IX_Applications_Environment_Name", "IX_Instances_ApplicationId_Sequence", "IX_Clusters_ApplicationId_StartedAt");
    }

    [Fact]
    public async Task Writer_statements_search_history_tables_by_index()
    {
        await using var context = Db.Provider.CreateContext();
        await context.Database.OpenConnectionAsync();
        var connection = context.Database.GetDbConnection();

        foreach (var sql in new CommitSql(context).AllSql)
        {
            var plan = await ExplainAsync(connection, sql);
            Assert.Empty(plan.ScannedTables().Intersect(QueryPlan.HistoryTables));
            // A range over row ids would span every application's rows.
            Assert.DoesNotContain(plan.Details, d => d.Contains("(rowid<", StringComparison.Ordinal) || d.Contains("(rowid>", StringComparison.Ordinal));
        }
    }

    private async Task<IReadOnlyList<QueryPlan>> RecordAsync<T>(Func<Task<T>> query)
    {
        await query(); // the first call compiles the query; record a warm one like production runs
        using (Db.Plans.Record())
        {
            await query();
        }
        Assert.NotEmpty(Db.Plans.Plans);
        return Db.Plans.Plans;
    }

    private static void AssertIndexDriven(IReadOnlyList<QueryPlan> plans, params string[] indexes)
    {
        var all = string.Join(Environment.NewLine, plans);
        Assert.All(plans, p => Assert.Empty(p.ScannedTables().Intersect(QueryPlan.HistoryTables)));
        Assert.All(indexes, index => Assert.True(plans.Any(p => p.UsesIndex(index)), $"{index} is not used:{Environment.NewLine}{all}"));
    }

    private static int CorrelatedSubqueries(QueryPlan plan) =>
        plan.Details.Count(d => d.Contains("CORRELATED SCALAR SUBQUERY", StringComparison.Ordinal));

    private static async Task<QueryPlan> ExplainAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in System.Text.RegularExpressions.Regex.Matches(sql, @"@\w+").Select(m => m.Value).Distinct())
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = 1;
            command.Parameters.Add(parameter);
        }
        var details = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            details.Add(reader.GetString(3));
        }
        return new QueryPlan(sql, details);
    }
}
