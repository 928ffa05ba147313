using Cmf.Core.Feed;
using Cmf.Dashboard.Model;

namespace Cmf.Dashboard.Components.Pages;

/// <summary>The environments with their namespaces, application counts and defaults; counts follow the change feed.</summary>
public partial class Environments
{
    private IReadOnlyList<EnvironmentView>? _environments;

    protected override Task OnInitializedAsync() => ShowAsync(ChangeFilter.Everything);

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        var environments = await Queries.ListEnvironmentsAsync(cancellationToken);
        _environments = [.. environments.Select(e => e.ToView())];
    }
}
