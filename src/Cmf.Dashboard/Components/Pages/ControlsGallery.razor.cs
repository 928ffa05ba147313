using Cmf.Core.Tracking;
using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;

namespace Cmf.Dashboard.Components.Pages;

/// <summary>The controls with sample data, for eyes and screenshots; nothing here reads the store.</summary>
public partial class ControlsGallery
{
    private static readonly TimeSpan[] Ages =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(42), TimeSpan.FromMinutes(3), TimeSpan.FromHours(2), TimeSpan.FromDays(3),
    ];

    private DateTimeOffset _now;
    private IReadOnlyList<Cmf.Core.Storage.Views.ApplicationSummary> _applications = [];
    private IReadOnlyList<GallerySamples.TimelineSample> _timelines = [];
    private InstanceState? _selected;
    private ApplicationListFilter _filter = ApplicationListFilter.Default;
    private IReadOnlyList<InstanceRow> _instanceRows = [];
    private IReadOnlyList<InstanceRow> _handOverRows = [];
    private IReadOnlyList<Cmf.Core.Storage.Views.EventView> _events = [];
    private IReadOnlyDictionary<string, int> _sequences = new Dictionary<string, int>();

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    protected override void OnInitialized()
    {
        var now = Clock.GetUtcNow();
        _now = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        _timelines = GallerySamples.Timelines(_now);
        _applications = GallerySamples.Applications(_now);
        var reverted = _timelines[1];
        _instanceRows = InstanceRow.For([.. reverted.Instances.Reverse()], reverted.History, _now);
        var handedOver = _timelines[3];
        _handOverRows = InstanceRow.For([.. handedOver.Instances.Reverse()], handedOver.History, _now);
        _events = PageSamples.Events(_now, reverted.Instances);
        _sequences = reverted.Instances.ToDictionary(i => i.Uid, i => i.Sequence);
    }
}
