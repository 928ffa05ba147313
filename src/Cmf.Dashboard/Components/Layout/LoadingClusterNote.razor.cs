using Cmf.Core.Kubernetes;
using Cmf.Dashboard.Hosting;
using Microsoft.AspNetCore.Components;

namespace Cmf.Dashboard.Components.Layout;

public partial class LoadingClusterNote
{
    [Inject]
    private WatchHealth Health { get; set; } = default!;

    [Inject]
    private Leadership Leadership { get; set; } = default!;

    /// <summary>A follower watches nothing and shows the shared store: it has no list of its own to wait for.</summary>
    private bool IsLoading => Leadership.Role != LeadershipRole.Follower && !Health.IsReady;

    protected override void OnInitialized()
    {
        if (IsLoading)
        {
            Health.ReadinessChanged += OnReadinessChanged;
        }
    }

    public void Dispose() => Health.ReadinessChanged -= OnReadinessChanged;

    // Raised on the pipeline's thread: hop onto the circuit's, and stop listening once the note is gone.
    private void OnReadinessChanged()
    {
        if (!IsLoading)
        {
            Health.ReadinessChanged -= OnReadinessChanged;
        }
        _ = InvokeAsync(StateHasChanged);
    }
}
