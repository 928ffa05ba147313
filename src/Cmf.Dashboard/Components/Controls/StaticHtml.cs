using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.RenderTree;

// BL0006: the frame types are Blazor's render-tree internals. Reading them is what Blazor's own HtmlRenderer does; the
// tests of every table drawn this way compare its markup and would show a change of their shape.
#pragma warning disable BL0006

namespace Cmf.Dashboard.Components.Controls;

/// <summary>
/// A fragment of plain elements and text written out as HTML once, to be drawn as one markup frame. A live table keeps
/// two render trees per component (the current and the previous render), each a frame for every element, attribute
/// and text of every row; a row cell as markup is one frame. Written as Blazor's own HTML renderer writes it: text and
/// attribute values HTML-encoded, scoped-CSS attributes kept, void elements self-closed. Components and event handlers
/// have no static form and are refused.
/// </summary>
public static class StaticHtml
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public static MarkupString Of(RenderFragment fragment)
    {
        using var builder = new RenderTreeBuilder();
        fragment(builder);
        var frames = builder.GetFrames();
        var html = new StringBuilder();
        Write(html, frames.Array, 0, frames.Count);
        return new MarkupString(html.ToString());
    }

    private static int Write(StringBuilder html, RenderTreeFrame[] frames, int position, int count)
    {
        var end = position + count;
        while (position < end)
        {
            ref var frame = ref frames[position];
            switch (frame.FrameType)
            {
                case RenderTreeFrameType.Element:
                    position = WriteElement(html, frames, position);
                    break;
                case RenderTreeFrameType.Text:
                    html.Append(Encoder.Encode(frame.TextContent));
                    position++;
                    break;
                case RenderTreeFrameType.Markup:
                    html.Append(frame.MarkupContent);
                    position++;
                    break;
                case RenderTreeFrameType.Region:
                    position = Write(html, frames, position + 1, frame.RegionSubtreeLength - 1);
                    break;
                default:
                    throw new InvalidOperationException($"A {frame.FrameType} frame has no static HTML: draw it as a component, not through {nameof(StaticHtml)}.");
            }
        }
        return position;
    }

    private static int WriteElement(StringBuilder html, RenderTreeFrame[] frames, int position)
    {
        ref var element = ref frames[position];
        var end = position + element.ElementSubtreeLength;
        html.Append('<').Append(element.ElementName);
        var child = position + 1;
        for (; child < end && frames[child].FrameType == RenderTreeFrameType.Attribute; child++)
        {
            WriteAttribute(html, ref frames[child]);
        }
        if (child == end && VoidElements.Contains(element.ElementName))
        {
            html.Append(" />");
            return end;
        }
        html.Append('>');
        Write(html, frames, child, end - child);
        html.Append("</").Append(element.ElementName).Append('>');
        return end;
    }

    private static void WriteAttribute(StringBuilder html, ref RenderTreeFrame attribute)
    {
        switch (attribute.AttributeValue)
        {
            case bool present:
                if (present)
                {
                    html.Append(' ').Append(attribute.AttributeName);
                }
                break;
            case string value:
                html.Append(' ').Append(attribute.AttributeName).Append("=\"").Append(Encoder.Encode(value)).Append('"');
                break;
            case null:
                break;
            case Delegate or EventCallback:
            case { } callback when callback.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(EventCallback<>):
                throw new InvalidOperationException($"The event handler '{attribute.AttributeName}' has no static HTML: draw it as a component.");
            default:
                var text = Convert.ToString(attribute.AttributeValue, CultureInfo.InvariantCulture);
                html.Append(' ').Append(attribute.AttributeName).Append("=\"").Append(Encoder.Encode(text ?? "")).Append('"');
                break;
        }
    }
}
