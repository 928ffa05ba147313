using Microsoft.AspNetCore.Components;

namespace Cmf.Dashboard.Components.Controls;

/// <summary>
/// One application row's cells as HTML (<see cref="StaticHtml"/>), grouped as the table draws them, each drawn once
/// per summary record. The groups that read the clock (the relative time, a blocked upgrade's "since") are kept with
/// what the clock made of them, and drawn again only when that changes: once a minute, not once per render.
/// Circuits render on their own threads; two may draw the same group at once, and one string wins.
/// </summary>
public sealed class ApplicationRowCells
{
    private string? _names;
    private string? _states;
    private string? _current;
    private string? _latestLink;
    private Drawn? _latestBadge;
    private Drawn? _changes;

    public MarkupString Names(RenderFragment cells) => Once(ref _names, cells);

    public MarkupString States(RenderFragment cells) => Once(ref _states, cells);

    public MarkupString Current(RenderFragment cells) => Once(ref _current, cells);

    public MarkupString LatestLink(RenderFragment link) => Once(ref _latestLink, link);

    /// <param name="outcome">The badge's input as the clock made it (its text names how long ago the error began).</param>
    public MarkupString LatestBadge(object? outcome, RenderFragment badge) => For(ref _latestBadge, outcome, badge);

    /// <param name="relativeTime">The last change's time as text for this render's now ("3 min ago").</param>
    public MarkupString Changes(string relativeTime, RenderFragment cells) => For(ref _changes, relativeTime, cells);

    private static MarkupString Once(ref string? slot, RenderFragment fragment) =>
        new(Volatile.Read(ref slot) ?? Interlocked.CompareExchange(ref slot, StaticHtml.Of(fragment).Value, null) ?? slot);

    private static MarkupString For(ref Drawn? slot, object? input, RenderFragment fragment)
    {
        var drawn = Volatile.Read(ref slot);
        if (drawn is null || !Equals(drawn.Input, input))
        {
            drawn = new Drawn(input, StaticHtml.Of(fragment).Value);
            Volatile.Write(ref slot, drawn);
        }
        return new MarkupString(drawn.Html);
    }

    private sealed record Drawn(object? Input, string Html);
}
