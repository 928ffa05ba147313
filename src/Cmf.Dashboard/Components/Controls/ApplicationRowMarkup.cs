using System.Runtime.CompilerServices;
using Cmf.Core.Storage.Views;
using Cmf.Dashboard.Model;

namespace Cmf.Dashboard.Components.Controls;

/// <summary>
/// The application list's row markup, shared by every circuit: lists on the same page share one page read
/// (<see cref="SharedApplicationPages"/>), so they hold the same summary records, and a row's cells drawn for one of
/// them serve all of them, render after render, as the same strings. Fifty open lists hold one copy of each row's HTML
/// instead of fifty. Keyed by the record itself and weakly: a row's markup goes when no page holds its summary any more.
/// </summary>
public sealed class ApplicationRowMarkup
{
    // An embedded page's links differ (embed=1, no links out), so it gets markup of its own.
    private readonly ConditionalWeakTable<ApplicationSummary, ApplicationRowCells> _standalone = [];
    private readonly ConditionalWeakTable<ApplicationSummary, ApplicationRowCells> _embedded = [];

    public ApplicationRowCells For(ApplicationSummary application, EmbedMode? embed) =>
        (embed?.IsEmbedded ?? false ? _embedded : _standalone).GetValue(application, static _ => new ApplicationRowCells());
}
