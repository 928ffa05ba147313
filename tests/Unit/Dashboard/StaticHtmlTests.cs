using Cmf.Dashboard.Components.Controls;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Cmf.UnitTests.Dashboard;

/// <summary>Cells written once as HTML must read as Blazor would have drawn them, and hostile text must stay text.</summary>
public sealed class StaticHtmlTests
{
    [Theory]
    [MemberData(nameof(HostileText.All), MemberType = typeof(HostileText))]
    public void Text_and_attribute_values_are_encoded(string hostile)
    {
        var html = StaticHtml.Of(builder =>
        {
            builder.OpenElement(0, "td");
            builder.AddAttribute(1, "title", hostile);
            builder.AddContent(2, hostile);
            builder.CloseElement();
        }).Value;

        var parsed = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<table><tr>{html}</tr></table>");
        var cell = parsed.QuerySelector("td")!;
        Assert.Equal(hostile, cell.TextContent);
        Assert.Equal(hostile, cell.GetAttribute("title"));
        Assert.Empty(parsed.QuerySelectorAll("script, img"));
    }

    [Fact]
    public void Elements_attributes_regions_and_markup_are_written_as_Blazor_writes_them()
    {
        var html = StaticHtml.Of(builder =>
        {
            builder.OpenRegion(0);
            builder.OpenElement(1, "span");
            builder.AddAttribute(2, "b-scope");
            builder.AddAttribute(3, "hidden", false);
            builder.AddAttribute(4, "class", "chip");
            builder.AddMarkupContent(5, "<b>x</b>");
            builder.CloseElement();
            builder.OpenElement(6, "br");
            builder.CloseElement();
            builder.CloseRegion();
        }).Value;

        Assert.Equal("<span b-scope class=\"chip\"><b>x</b></span><br />", html);
    }

    [Fact]
    public void An_event_handler_is_refused_because_static_markup_cannot_carry_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StaticHtml.Of(builder =>
        {
            builder.OpenElement(0, "button");
            builder.AddAttribute(1, "onclick", EventCallback.Factory.Create<MouseEventArgs>(this, () => { }));
            builder.CloseElement();
        }));

        Assert.Contains("onclick", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_component_is_refused_because_it_has_no_static_form()
    {
        Assert.Throws<InvalidOperationException>(() => StaticHtml.Of(builder =>
        {
            builder.OpenComponent<StateChip>(0);
            builder.CloseComponent();
        }));
    }
}
