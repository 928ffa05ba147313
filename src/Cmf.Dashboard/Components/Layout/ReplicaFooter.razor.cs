using Cmf.Dashboard.Hosting;
using Microsoft.AspNetCore.Components;

namespace Cmf.Dashboard.Components.Layout;

public partial class ReplicaFooter
{
    [Inject]
    private Leadership Leadership { get; set; } = default!;

    protected override void OnInitialized()
    {
        if (Leadership.IsElected)
        {
            Leadership.Changed += OnLeadershipChanged;
        }
    }

    public void Dispose() => Leadership.Changed -= OnLeadershipChanged;

    private RenderFragment LeaderText() => builder =>
    {
        switch (Leadership.Role, Leadership.LeaderIdentity)
        {
            case (LeadershipRole.Leader, _):
                builder.AddContent(0, "this replica leads");
                break;
            case (_, { } leader):
                builder.AddContent(1, "leader ");
                builder.OpenElement(2, "bdi");
                builder.AddAttribute(3, "class", "replica-footer__identity");
                builder.AddContent(4, leader);
                builder.CloseElement();
                break;
            default:
                builder.AddContent(5, "no leader elected yet");
                break;
        }
    };

    // Raised on the election's thread: hop onto the circuit's.
    private void OnLeadershipChanged() => _ = InvokeAsync(StateHasChanged);
}
