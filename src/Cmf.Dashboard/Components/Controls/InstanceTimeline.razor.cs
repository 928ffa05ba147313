using System.Globalization;
using System.Text;
using Cmf.Core.Tracking;
using SnapshotView = Cmf.Core.Storage.Views.SnapshotView;
using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;

namespace Cmf.Dashboard.Components.Controls;

/// <summary>
/// Instances and the clusters they ran on, on one time axis. Geometry comes from <see cref="TimelineLayout"/>;
/// this component only draws it, offers zoom and pan, and opens an instance on click or Enter.
/// </summary>
public partial class InstanceTimeline
{
    private const double GutterWidth = 80;
    private const double RightPadding = 8;
    private const double Padding = 8;

    // A row above the bars for the "now" label, so it never sits on a bar that reaches now.
    private const double NowLabelHeight = 12;
    private const double RowHeight = 20;
    private const double RowGap = 4;
    private const double LaneGap = 16;
    private const double AxisHeight = 26;
    private const double CharacterWidth = 7;
    private const int OwnerColours = 6;
    private const string ModulePath = "./Components/Controls/InstanceTimeline.razor.js";

    private readonly string _hatchId = "hatch-" + Guid.NewGuid().ToString("N")[..8];
    private TimelineLayout _layout = null!;
    private IReadOnlyList<TimelineSnapshotLane> _snapshotLanes = [];
    private IReadOnlyList<SnapshotView> _blocking = [];
    private ApplicationHistory _history = null!;
    private TimelineWindow _window = TimelineWindow.Fit;
    private TimelineWindow? _windowParameter;
    private double _drawWidth;
    private ElementReference _scroll;
    private IJSObjectReference? _module;
    private IJSObjectReference? _widthObserver;
    private DotNetObjectReference<InstanceTimeline>? _self;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [CascadingParameter]
    private EmbedMode? Embed { get; set; }

    [Parameter, EditorRequired]
    public required IReadOnlyList<InstanceState> Instances { get; set; }

    [Parameter]
    public IReadOnlyList<ClusterState> Clusters { get; set; } = [];

    [Parameter]
    public string? CurrentInstanceUid { get; set; }

    /// <summary>The latest instance while the operator has not reconciled it.</summary>
    [Parameter]
    public string? PendingInstanceUid { get; set; }

    /// <summary>The error the operator keeps reporting; it names what blocks the pending instance.</summary>
    [Parameter]
    public Cmf.Core.Tracking.ErrorEpisode? ErrorEpisode { get; set; }

    /// <summary>FlinkStateSnapshots in the range (the timeline's <c>Snapshots</c>): marks on the bars of their instances.</summary>
    [Parameter]
    public IReadOnlyList<SnapshotView> Snapshots { get; set; } = [];

    /// <summary>The clock's now, passed in: open-ended bars reach it.</summary>
    [Parameter, EditorRequired]
    public required DateTimeOffset Now { get; set; }

    /// <summary>What to show; the page keeps it in the URL through <see cref="WindowChanged"/>.</summary>
    [Parameter]
    public TimelineWindow Window { get; set; } = TimelineWindow.Fit;

    [Parameter]
    public EventCallback<TimelineWindow> WindowChanged { get; set; }

    /// <summary>Drawing width before the browser reports the real one (prerender, tests); never below <see cref="MinimumWidth"/>.</summary>
    [Parameter]
    public double Width { get; set; } = 960;

    [Parameter]
    public double MinimumWidth { get; set; } = 640;

    /// <summary>With environment and application, bars link to the instance page.</summary>
    [Parameter]
    public string? Environment { get; set; }

    [Parameter]
    public string? Application { get; set; }

    /// <summary>When set, bars are buttons that report the instance instead of links.</summary>
    [Parameter]
    public EventCallback<InstanceState> OnSelect { get; set; }

    private double PlotWidth => _drawWidth - GutterWidth - RightPadding;

    private double InstancesTop => Padding + NowLabelHeight;

    private double ClustersTop => InstancesTop + _layout.InstanceRows * (RowHeight + RowGap) + LaneGap;

    private double AxisY => ClustersTop + _layout.ClusterRows * (RowHeight + RowGap) + 2;

    private double Height => AxisY + AxisHeight;

    private string RangeLabel =>
        $"{_layout.Range.From.UtcDateTime.ToString("MMM d HH:mm", CultureInfo.InvariantCulture)} – {_layout.Range.To.UtcDateTime.ToString("MMM d HH:mm", CultureInfo.InvariantCulture)} UTC";

    protected override void OnParametersSet()
    {
        if (!Equals(_windowParameter, Window))
        {
            _windowParameter = _window = Window;
        }
        if (_widthObserver is null)
        {
            _drawWidth = DrawWidth(Width);
        }
        Relayout();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }
        try
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            _self = DotNetObjectReference.Create(this);
            _widthObserver = await _module.InvokeAsync<IJSObjectReference>("observeWidth", _scroll, _self);
        }
        catch (JSDisconnectedException)
        {
            // The tab closed before the timeline was measured; nothing to draw for.
        }
    }

    /// <summary>
    /// The browser measured the space the timeline has: redraw at that width, one unit per pixel. Anyone holding the
    /// circuit can call this with any number, so the width is clamped before anything is laid out.
    /// </summary>
    [JSInvokable]
    public void OnWidthChanged(double width)
    {
        var drawWidth = DrawWidth(Math.Round(width));
        if (Math.Abs(drawWidth - _drawWidth) < 1)
        {
            return;
        }
        _drawWidth = drawWidth;
        Relayout();
        StateHasChanged();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_widthObserver is not null)
            {
                await _widthObserver.InvokeVoidAsync("disconnect");
                await _widthObserver.DisposeAsync();
            }
            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the observer with it.
        }
        _self?.Dispose();
    }

    /// <summary>The SVG's width for a reported width: the plot's clamp plus the gutter, and never below <see cref="MinimumWidth"/>.</summary>
    private double DrawWidth(double width)
    {
        var widest = TimelineLayout.MaximumWidth + GutterWidth + RightPadding;
        return double.IsNaN(width) ? Math.Min(MinimumWidth, widest) : Math.Clamp(width, Math.Min(MinimumWidth, widest), widest);
    }

    private void Relayout()
    {
        var starts = Instances.Select(i => i.CreatedAt).Concat(Clusters.Select(c => c.StartedAt));
        var range = _window.Resolve(starts, Now);
        _layout = TimelineLayout.Compute(Instances, Clusters, CurrentInstanceUid, range, Now, PlotWidth);
        _history = new ApplicationHistory(Instances, Clusters, CurrentInstanceUid, PendingInstanceUid, ErrorEpisode);
        _snapshotLanes = TimelineSnapshotMarks.Place(_layout, Snapshots);
        _blocking = PendingInstanceUid is null ? [] : TimelineSnapshotMarks.Blocking(Snapshots);
    }

    private async Task ShowAsync(TimelineWindow window)
    {
        _window = window;
        Relayout();
        await WindowChanged.InvokeAsync(window);
    }

    private Task SelectAsync(InstanceState instance) => OnSelect.InvokeAsync(instance);

    private Task OnKeyAsync(KeyboardEventArgs e, InstanceState instance) =>
        e.Key is "Enter" or " " ? SelectAsync(instance) : Task.CompletedTask;

    private string? InstanceHref(InstanceState instance) =>
        Environment is null || Application is null
            ? null
            : DashboardUrls.InstanceUrl(Environment, Application, instance.Uid, Embed?.IsEmbedded ?? false);

    private double PlotX(double x) => GutterWidth + x;

    private static bool LabelFits(string label, double width) => width >= label.Length * CharacterWidth + 10;

    private string TickAnchor(TimelineTick tick) =>
        tick.X < 40 ? "start" : tick.X > PlotWidth - 40 ? "end" : "middle";

    private static string OwnerClass(InstanceState? owner) =>
        owner is null ? "instance-timeline--owner-unknown" : $"instance-timeline--owner-{(owner.Sequence - 1) % OwnerColours}";

    private string InstanceClasses(TimelineInstanceBar bar)
    {
        var classes = new StringBuilder("instance-timeline__instance ").Append(OwnerClass(bar.Instance));
        classes.Append(bar.WasDeployed ? " instance-timeline__instance--deployed" : " instance-timeline__instance--no-cluster");
        if (bar.IsCurrent)
        {
            classes.Append(" instance-timeline__instance--current");
        }
        if (bar.IsOpenEnded)
        {
            classes.Append(" instance-timeline__bar--open");
        }
        if (BlockedBySnapshot(bar))
        {
            classes.Append(" instance-timeline__instance--snapshot-blocked");
        }
        return classes.ToString();
    }

    private static string SegmentClasses(TimelineClusterBar bar, TimelineClusterSegment segment)
    {
        var last = ReferenceEquals(segment, bar.Segments[^1]);
        return $"instance-timeline__cluster {OwnerClass(segment.Instance)}" +
            (segment.StartsWithHandOver ? " instance-timeline__cluster--handed-over" : "") +
            (last && bar.IsOpenEnded ? " instance-timeline__bar--open" : "") +
            (last && bar.Cluster.EndIsApproximate ? " instance-timeline__cluster--approximate-end" : "");
    }

    private InstanceOutcome Outcome(InstanceState instance) => InstanceOutcome.For(instance, _history, Now);

    private string InstanceLabel(TimelineInstanceBar bar) => Outcome(bar.Instance).Kind switch
    {
        InstanceOutcomeKind.Current => $"{bar.Instance.Label} · current",
        InstanceOutcomeKind.Pending or InstanceOutcomeKind.UpgradeBlocked when BlockedBySnapshot(bar) => $"{bar.Instance.Label} · pending · savepoint failed",
        InstanceOutcomeKind.Pending or InstanceOutcomeKind.UpgradeBlocked => $"{bar.Instance.Label} · pending",
        InstanceOutcomeKind.NeverDeployed => $"{bar.Instance.Label} · never deployed",
        _ => bar.Instance.Label,
    };

    /// <summary>"#2 · c1d2e3f4", or "#2" when the part is too narrow for the cluster's name.</summary>
    private string SegmentLabel(TimelineClusterBar bar, TimelineClusterSegment segment)
    {
        var full = SegmentName(bar, segment);
        var instance = _history.Label(segment.Stint.InstanceUid);
        return LabelFits(full, segment.Width) || !LabelFits(instance, segment.Width) ? full : instance;
    }

    private string SegmentName(TimelineClusterBar bar, TimelineClusterSegment segment) =>
        $"{_history.Label(segment.Stint.InstanceUid)} · {ShortUid(bar.Cluster.Uid)}";

    private string InstanceDescription(TimelineInstanceBar bar)
    {
        // The name of a link starts with the label it shows, so speech input can say what is on screen.
        var instance = bar.Instance;
        var outcome = Outcome(instance);
        var text = new StringBuilder($"Instance {InstanceLabel(bar)}");
        text.Append($"\nUID: {instance.Uid}");
        text.Append($"\nCreated: {RelativeTimeText.Iso(instance.CreatedAt)}");
        text.Append(instance.EndedAt is { } ended ? $"\nEnded: {RelativeTimeText.Iso(ended)}" : "\nEnded: still live");
        text.Append($"\nJob state: {StateLabel.ForJobState(instance.JobState, instance.Stop, instance.StopSavepointPath).Text}");
        if (outcome.Kind != InstanceOutcomeKind.Stopped)
        {
            // A stop is already said by the job state.
            text.Append($"\nOutcome: {outcome.Text}");
        }
        if (BlockedBySnapshot(bar))
        {
            foreach (var snapshot in _blocking)
            {
                text.Append($"\nBlocked by {snapshot.SnapshotType.ToLowerInvariant()} {snapshot.Name} ({snapshot.State}) of the running job");
                if (snapshot.Error is { Length: > 0 } error)
                {
                    text.Append($": {error}");
                }
            }
        }
        var lane = _snapshotLanes.FirstOrDefault(l => ReferenceEquals(l.Bar, bar));
        if (lane is { Omitted: > 0 })
        {
            text.Append('\n').Append(OmittedText(lane));
        }
        return text.ToString();
    }

    private string SegmentDescription(TimelineClusterBar bar, TimelineClusterSegment segment)
    {
        var cluster = bar.Cluster;
        var stint = segment.Stint;
        var text = new StringBuilder($"Cluster {SegmentName(bar, segment)} ({cluster.Uid})");
        text.Append(segment.Instance is { } instance
            ? $"\nRan: instance {instance.Label} ({instance.Uid})"
            : $"\nRan: instance {stint.InstanceUid} (no longer kept)");
        if (stint.HandedOverFrom is { } from)
        {
            text.Append('\n').Append(HandOverText(from, stint.InstanceUid, stint.From));
        }
        if (stint is { HandedOverTo: { } to, Until: { } at })
        {
            text.Append('\n').Append(HandOverText(stint.InstanceUid, to, at));
        }
        text.Append($"\nStarted: {RelativeTimeText.Iso(cluster.StartedAt)}");
        if (cluster.EndedAt is { } ended)
        {
            text.Append($"\nEnded: {RelativeTimeText.Iso(ended)}");
            if (cluster.EndIsApproximate)
            {
                text.Append(" (approximate: the deletion was not watched)");
            }
        }
        else
        {
            text.Append("\nEnded: still running");
        }
        return text.ToString();
    }

    /// <summary>The pending instance whose upgrade waits on the running job's failing savepoints.</summary>
    private bool BlockedBySnapshot(TimelineInstanceBar bar) => _blocking.Count > 0 && bar.Instance.Uid == PendingInstanceUid;

    private static string SnapshotClasses(TimelineSnapshotMark mark) => mark.Kind switch
    {
        SnapshotMarkKind.Completed => "instance-timeline__snapshot instance-timeline__snapshot--completed",
        SnapshotMarkKind.Failed => "instance-timeline__snapshot instance-timeline__snapshot--failed",
        _ => "instance-timeline__snapshot instance-timeline__snapshot--in-progress",
    };

    private static string SnapshotDescription(SnapshotView snapshot)
    {
        var text = new StringBuilder($"{(snapshot.SnapshotType == "CHECKPOINT" ? "Checkpoint" : "Savepoint")} {snapshot.Name}");
        text.Append($"\nType: {snapshot.SnapshotType}");
        text.Append($"\nTrigger: {snapshot.TriggerType ?? "unknown"}");
        text.Append($"\nState: {snapshot.State ?? "not yet seen by the operator"}");
        text.Append($"\nCreated: {RelativeTimeText.Iso(snapshot.CreatedAt)}");
        if (snapshot.Path is { Length: > 0 } path)
        {
            text.Append($"\nPath: {path}");
        }
        if (snapshot.Error is { Length: > 0 } error)
        {
            text.Append($"\nError: {error}");
        }
        if (snapshot.Failures > 0)
        {
            text.Append($"\nFailures: {snapshot.Failures}");
        }
        return text.ToString();
    }

    private static string OmittedText(TimelineSnapshotLane lane) =>
        $"{lane.Omitted} older snapshots not drawn (the newest {TimelineSnapshotMarks.MaxPerBar} are)";

    private string HandOverText(string from, string to, DateTimeOffset at) =>
        $"Handed over in place from {_history.Label(from)} to {_history.Label(to)} at {RelativeTimeText.Iso(at)}";

    private static string ShortUid(string uid) => uid.Length <= 8 ? uid : uid[..8];

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
