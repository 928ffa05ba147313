using Cmf.Core.Model;
using Cmf.Core.Storage.Views;
using Cmf.Dashboard.Model;

namespace Cmf.UnitTests.Dashboard;

public sealed class InstanceRoleTests
{
    [Theory]
    [InlineData("uid-1", InstanceRole.Current)]
    [InlineData("uid-2", InstanceRole.Past)]
    [InlineData("uid-3", InstanceRole.Pending)]
    public void While_an_upgrade_is_blocked_the_old_instance_is_current_and_the_latest_pending(string uid, InstanceRole role)
    {
        Assert.Equal(role, InstanceRoles.Of(uid, currentInstanceUid: "uid-1", pendingInstanceUid: "uid-3"));
    }

    [Fact]
    public void Without_a_live_cluster_the_unreconciled_latest_instance_is_pending()
    {
        Assert.Equal(InstanceRole.Pending, InstanceRoles.Of("uid-1", currentInstanceUid: null, pendingInstanceUid: "uid-1"));
    }

    [Fact]
    public void After_a_revert_the_latest_instance_is_neither_current_nor_pending()
    {
        Assert.Equal(InstanceRole.Past, InstanceRoles.Of("uid-3", currentInstanceUid: "uid-1", pendingInstanceUid: null));
    }

    [Fact]
    public void An_application_whose_latest_instance_is_deployed_has_nothing_pending()
    {
        var application = Application(current: new InstanceReference("uid-2", 2), latest: new InstanceReference("uid-2", 2), latestIsPending: false);

        Assert.Null(application.PendingInstance);
    }

    [Fact]
    public void An_application_whose_latest_generation_the_operator_has_not_reconciled_has_it_pending()
    {
        var application = Application(current: new InstanceReference("uid-1", 1), latest: new InstanceReference("uid-3", 3), latestIsPending: true);

        Assert.Equal(new InstanceReference("uid-3", 3), application.PendingInstance);
    }

    [Fact]
    public void An_application_reverted_to_the_running_spec_has_nothing_pending_though_its_latest_is_not_current()
    {
        var application = Application(current: new InstanceReference("uid-1", 1), latest: new InstanceReference("uid-3", 3), latestIsPending: false);

        Assert.Null(application.PendingInstance);
    }

    private static ApplicationSummary Application(InstanceReference? current, InstanceReference? latest, bool latestIsPending) =>
        new() { Key = new ApplicationKey("prod", "orders"), Namespace = "flink-prod", CurrentInstance = current, LatestInstance = latest, PendingUpgrade = latestIsPending };
}
