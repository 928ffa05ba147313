using Cmf.Core.Feed;
using Cmf.Core.Storage;
using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;

namespace Cmf.Dashboard.Components.Pages;

/// <summary>The environments with their namespaces, application counts and defaults; counts follow the change feed.</summary>
public partial class Environments : IAsyncDisposable
{
    private IReadOnlyList<EnvironmentView>? _environments;
    private LiveView _live = null!;

    [Inject]
    private LiveViews LiveViews { get; set; } = default!;

    [Inject]
    private StoreQueries Queries { get; set; } = default!;

    protected override Task OnInitializedAsync()
    {
        var owner = new LiveComponent(RendererInfo.IsInteractive, InvokeAsync, StateHasChanged, DispatchExceptionAsync);
        _live = LiveViews.Start(owner, LoadAsync);
        return _live.ShowAsync(ChangeFilter.Everything);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var environments = await Queries.ListEnvironmentsAsync(cancellationToken);
        _environments = [.. environments.Select(e => e.ToView())];
    }

    public async ValueTask DisposeAsync()
    {
        await _live.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
