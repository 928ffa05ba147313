using Bunit;
using Cmf.Core.Tracking;
using Cmf.Dashboard.Components.Controls;
using Cmf.Dashboard.Model;

namespace Cmf.UnitTests.Dashboard;

public sealed class InstancePairPickerTests : DashboardTestContext
{
    private static readonly IReadOnlyList<InstanceState> Instances =
        [DesignScenario.Instance(2, 60), DesignScenario.Instance(1, 0)];

    [Fact]
    public void Swapping_reports_the_pair_the_other_way_round()
    {
        (string From, string To)? reported = null;
        var cut = Render<InstancePairPicker>(p => p
            .Add(c => c.Instances, Instances)
            .Add(c => c.FromUid, Instances[1].Uid)
            .Add(c => c.ToUid, Instances[0].Uid)
            .Add(c => c.PairChanged, pair => reported = pair));

        cut.Find("button[aria-label='Swap from and to']").Click();

        Assert.Equal((Instances[0].Uid, Instances[1].Uid), reported);
    }

    [Fact]
    public void With_one_side_empty_there_is_nothing_to_swap()
    {
        var cut = Render<InstancePairPicker>(p => p.Add(c => c.Instances, Instances).Add(c => c.ToUid, Instances[0].Uid));

        Assert.True(cut.Find("button[aria-label='Swap from and to']").HasAttribute("disabled"));
    }
}
