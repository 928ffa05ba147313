using Bunit;
using Cmf.Dashboard.Components.Controls;

namespace Cmf.UnitTests.Dashboard;

public sealed class CopyButtonTests : DashboardTestContext
{
    [Fact]
    public void The_button_is_named_after_what_it_copies()
    {
        var cut = Render<CopyButton>(p => p.Add(c => c.Value, "uid-1").Add(c => c.Label, "UID"));

        Assert.Equal("Copy UID", cut.Find("button").GetAttribute("aria-label"));
    }

    [Fact]
    public void Clicking_copies_the_value_through_the_clipboard_module_and_announces_it()
    {
        var module = JSInterop.SetupModule(CopyButton.ModulePath);
        module.Setup<bool>("copyText", "uid-1").SetResult(true);
        var cut = Render<CopyButton>(p => p.Add(c => c.Value, "uid-1").Add(c => c.Label, "UID"));

        cut.Find("button").Click();

        Assert.Equal("uid-1", module.VerifyInvoke("copyText").Arguments[0]);
        Assert.Equal("UID copied", cut.Find("[role=status]").TextContent);
    }

    [Fact]
    public void A_refused_copy_says_how_to_copy_by_hand()
    {
        var module = JSInterop.SetupModule(CopyButton.ModulePath);
        module.Setup<bool>("copyText", "uid-1").SetResult(false);
        var cut = Render<CopyButton>(p => p.Add(c => c.Value, "uid-1").Add(c => c.Label, "UID"));

        cut.Find("button").Click();

        Assert.StartsWith("Copy failed", cut.Find("[role=status]").TextContent, StringComparison.Ordinal);
    }
}
