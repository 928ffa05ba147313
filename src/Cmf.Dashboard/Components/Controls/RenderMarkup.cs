using Microsoft.AspNetCore.Components;

namespace Cmf.Dashboard.Components.Controls;

/// <summary>
/// <see cref="StaticHtml"/> for one component's renders: markup equal to the previous render's is handed back as the
/// same string, so the current and the previous render tree share it instead of holding a copy each.
/// </summary>
public sealed class RenderMarkup
{
    private HashSet<string> _previous = new(StringComparer.Ordinal);
    private HashSet<string> _current = new(StringComparer.Ordinal);

    /// <summary>Call once at the start of each render.</summary>
    public void StartRender()
    {
        (_previous, _current) = (_current, _previous);
        _current.Clear();
    }

    public MarkupString Of(RenderFragment fragment)
    {
        var html = StaticHtml.Of(fragment).Value;
        if (_previous.TryGetValue(html, out var same))
        {
            html = same;
        }
        _current.Add(html);
        return new MarkupString(html);
    }
}
