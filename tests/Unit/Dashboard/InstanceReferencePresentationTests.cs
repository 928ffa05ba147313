using Cmf.Core.Storage.Views;
using Cmf.Dashboard.Model;

namespace Cmf.UnitTests.Dashboard;

public sealed class InstanceReferencePresentationTests
{
    [Fact]
    public void An_instance_is_named_by_its_number_in_the_application_not_its_uid()
    {
        Assert.Equal("#12", new InstanceReference("0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b", 12).Label);
    }
}
