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
        Assert.Equal(role, InstanceRoles.Of(uid, currentInstanceUid: "uid-1", latestInstanceUid: "uid-3"));
    }

    [Fact]
    public void Without_a_live_cluster_the_latest_instance_is_pending()
    {
        Assert.Equal(InstanceRole.Pending, InstanceRoles.Of("uid-1", currentInstanceUid: null, latestInstanceUid: "uid-1"));
    }

    [Fact]
    public void An_application_whose_latest_instance_is_deployed_has_nothing_pending()
    {
        var application = Application(current: new InstanceRef("uid-2", 2), latest: new InstanceRef("uid-2", 2));

        Assert.Null(application.PendingInstance);
    }

    [Fact]
    public void An_application_whose_latest_instance_is_not_deployed_has_it_pending()
    {
        var application = Application(current: new InstanceRef("uid-1", 1), latest: new InstanceRef("uid-3", 3));

        Assert.Equal(new InstanceRef("uid-3", 3), application.PendingInstance);
    }

    private static ApplicationSummary Application(InstanceRef? current, InstanceRef? latest) =>
        new() { Environment = "prod", Name = "orders", CurrentInstance = current, LatestInstance = latest };
}
