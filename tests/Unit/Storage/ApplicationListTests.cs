using Cmf.Core.Configuration;
using Cmf.Core.Model;
using Cmf.Core.Storage.Views;

namespace Cmf.UnitTests.Storage;

public abstract class ApplicationListTests(StoreProviderKind engine) : StoreTestBase(engine)
{
    private static readonly ApplicationKey Orders = new("prod", "orders");
    private static readonly ApplicationKey Payments = new("prod", "payments");
    private static readonly ApplicationKey Checkout = new("staging", "checkout");
    private static readonly ApplicationKey Fraud = new("staging", "fraud_100%");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var orders = new TrackedApplication("prod", "orders", "flink-prod");
        var payments = new TrackedApplication("prod", "payments", "flink-prod");
        var checkout = new TrackedApplication("staging", "checkout", "flink-staging");
        var fraud = new TrackedApplication("staging", "fraud_100%", "flink-staging");
        await Db.CommitAsync(orders.NewInstance(), orders.NewInstance(), orders.NewInstance(), orders.ReportJobState(JobState.Running));
        await Db.CommitAsync(payments.NewInstance(), payments.ReportJobState(JobState.Failed));
        await Db.CommitAsync(checkout.NewInstance(), checkout.NewInstance(), checkout.ReportJobState(JobState.Running));
        await Db.CommitAsync(fraud.NewInstance());
    }

    [Fact]
    public async Task Filtering_by_environment_lists_only_its_applications()
    {
        var page = await ListAsync(new ApplicationListQuery { Environment = "staging" });

        Assert.Equal([Checkout, Fraud], page.Items.Select(a => a.Key));
        Assert.Equal(2, page.TotalCount);
    }

    [Fact]
    public async Task Filtering_by_job_states_lists_applications_in_any_of_them()
    {
        var page = await ListAsync(new ApplicationListQuery { JobStates = [JobState.Failed, JobState.Running] });

        Assert.Equal([Checkout, Orders, Payments], page.Items.Select(a => a.Key));
    }

    [Fact]
    public async Task Text_matches_name_namespace_or_environment_ignoring_case()
    {
        var byName = await ListAsync(new ApplicationListQuery { Text = "PAY" });
        var byNamespace = await ListAsync(new ApplicationListQuery { Text = "flink-stag" });

        Assert.Equal([Payments], byName.Items.Select(a => a.Key));
        Assert.Equal([Checkout, Fraud], byNamespace.Items.Select(a => a.Key));
    }

    [Fact]
    public async Task Text_with_like_wildcards_matches_them_literally()
    {
        var page = await ListAsync(new ApplicationListQuery { Text = "_100%" });

        Assert.Equal([Fraud], page.Items.Select(a => a.Key));
    }

    [Fact]
    public async Task Sorting_by_instance_count_descending_puts_the_longest_history_first()
    {
        var page = await ListAsync(new ApplicationListQuery { Sort = ApplicationSort.InstanceCount, Descending = true });

        Assert.Equal([3, 2, 1, 1], page.Items.Select(a => a.InstanceCount));
        Assert.Equal(Orders, page.Items[0].Key);
    }

    [Fact]
    public async Task Sorting_by_last_change_descending_puts_the_latest_change_first()
    {
        var page = await ListAsync(new ApplicationListQuery { Sort = ApplicationSort.LastChange, Descending = true });

        Assert.Equal(page.Items.Select(a => a.LastChangeAt).OrderDescending(), page.Items.Select(a => a.LastChangeAt));
    }

    [Fact]
    public async Task Sorting_by_environment_orders_by_environment_then_name()
    {
        var page = await ListAsync(new ApplicationListQuery { Sort = ApplicationSort.Environment, Descending = true });

        Assert.Equal([Fraud, Checkout, Payments, Orders], page.Items.Select(a => a.Key));
    }

    [Fact]
    public async Task Sorting_by_job_state_groups_applications_by_state()
    {
        var page = await ListAsync(new ApplicationListQuery { Sort = ApplicationSort.JobState, Environment = "prod" });

        Assert.Equal([JobState.Failed, JobState.Running], page.Items.Select(a => a.JobState));
    }

    [Fact]
    public async Task A_page_returns_its_slice_and_the_total_count()
    {
        var page = await ListAsync(new ApplicationListQuery { Page = 1, PageSize = 3 });

        Assert.Equal([Payments], page.Items.Select(a => a.Key));
        Assert.Equal(4, page.TotalCount);
    }

    [Fact]
    public async Task A_list_row_carries_the_current_and_latest_instance_and_the_flink_settings()
    {
        var page = await ListAsync(new ApplicationListQuery { Text = "orders" });

        var orders = Assert.Single(page.Items);
        Assert.Equal(3, orders.LatestInstance?.Sequence);
        Assert.Null(orders.CurrentInstance);
        Assert.Equal(("v1_20", "savepoint"), (orders.FlinkVersion, orders.UpgradeMode));
    }

    private Task<ApplicationPage> ListAsync(ApplicationListQuery query) => Db.Queries.ListApplicationsAsync(query, None);
}

public sealed class ApplicationListTestsOnSqlite() : ApplicationListTests(StoreProviderKind.Sqlite);

public sealed class ApplicationListTestsOnPostgreSql() : ApplicationListTests(StoreProviderKind.PostgreSql);
