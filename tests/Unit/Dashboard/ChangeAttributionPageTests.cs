using Bunit;
using Cmf.Core.Attribution;
using Cmf.Core.Model;
using Cmf.Dashboard.Components.Pages;

namespace Cmf.UnitTests.Dashboard;

/// <summary>Who changed the spec, on every page that shows an instance: the instance table, the instance page and /changes.</summary>
public sealed class ChangeAttributionPageTests : PageTestContext
{
    private static readonly DateTimeOffset PatchedAt = new(2026, 3, 1, 12, 0, 5, TimeSpan.Zero);

    private static ChangeAttribution Patch(string manager = "kubectl-patch", string? origin = "Argo CD application payments") =>
        new() { ChangedBy = manager, ChangedAt = PatchedAt, ChangeOrigin = origin };

    [Fact]
    public async Task The_instance_table_names_the_manager_with_its_origin_in_the_title_and_unknown_when_not_recorded()
    {
        var app = Seed();
        await app.SpecAsync("v1");
        await app.SpecAsync("v2", Patch());

        var cut = RenderApplicationPage<ApplicationDetail>(app.Key, "?tab=instances");

        var headers = cut.FindAll(".instance-table__table th").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("Changed by", headers);
        var second = cut.Find($".instance-table__row[data-instance='{app.InstanceUid(2)}'] .instance-table__changed-by bdi");
        Assert.Equal("kubectl-patch", second.TextContent);
        Assert.Contains("via Argo CD application payments", second.GetAttribute("title"), StringComparison.Ordinal);
        Assert.Contains("2026-03-01", second.GetAttribute("title"), StringComparison.Ordinal);
        Assert.Equal("unknown", cut.Find($".instance-table__row[data-instance='{app.InstanceUid(1)}'] .instance-table__changed-by").TextContent.Trim());
    }

    [Fact]
    public async Task A_hostile_manager_name_is_shown_as_text_in_the_instance_table()
    {
        var app = Seed();
        await app.SpecAsync("v1", Patch("<img src=x onerror=alert(1)>", "<script>alert(2)</script>"));

        var cut = RenderApplicationPage<ApplicationDetail>(app.Key, "?tab=instances");

        var cell = cut.Find(".instance-table__changed-by");
        Assert.Empty(cell.QuerySelectorAll("img, script"));
        Assert.Equal("<img src=x onerror=alert(1)>", cell.QuerySelector("bdi")!.TextContent);
        Assert.Contains("<script>alert(2)</script>", cell.QuerySelector("bdi")!.GetAttribute("title"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_instance_page_says_who_changed_it_when_and_through_what()
    {
        var app = Seed();
        await app.SpecAsync("v1");
        await app.SpecAsync("v2", Patch("argocd-controller", "Argo CD application payments"));

        var uid = app.InstanceUid(2);
        var cut = RenderApplicationPage<InstanceDetail>(new ApplicationKey(app.Key.Environment, app.Key.Name), $"/instances/{uid}", p => p.Add(c => c.Uid, uid));

        var row = cut.Find(".instance-detail__changed-by dd");
        Assert.Equal("argocd-controller", row.QuerySelector("bdi")!.TextContent);
        Assert.Contains("(Argo CD application payments)", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_changes_page_shows_the_manager_and_origin_of_a_change()
    {
        var app = Seed();
        await app.SpecAsync("v1");
        await app.SpecAsync("v2", Patch("helm", "Flux kustomization apps/payments"));

        var cut = RenderAt<Changes>("/changes");

        var rows = cut.FindAll(".changes__row");
        Assert.Equal(2, rows.Count);
        var who = rows[0].QuerySelector(".changes__who")!;
        Assert.Equal("helm", who.QuerySelector("bdi")!.TextContent);
        Assert.Equal("Flux kustomization apps/payments", who.QuerySelector(".changes__origin")!.TextContent.Trim());
        Assert.Equal("unknown", rows[1].QuerySelector(".changes__who")!.TextContent.Trim());
    }
}
