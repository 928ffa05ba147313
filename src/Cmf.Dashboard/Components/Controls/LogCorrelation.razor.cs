using Cmf.Core.Configuration;
using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Cmf.Dashboard.Components.Controls;

/// <summary>
/// How to find an instance's logs: the annotation filter (copyable) and, when <c>Cmf:Logging:LinkTemplate</c> is set,
/// a link into the log system for the instance's lifetime. Inside a portal's frame the link is plain text.
/// </summary>
public partial class LogCorrelation
{
    [Inject]
    private IOptions<CmfOptions> Options { get; set; } = default!;

    [Parameter, EditorRequired]
    public required string InstanceUid { get; set; }

    [Parameter, EditorRequired]
    public required string Namespace { get; set; }

    [Parameter, EditorRequired]
    public required string Application { get; set; }

    /// <summary>The instance's lifetime: created until ended, or now while it lives.</summary>
    [Parameter, EditorRequired]
    public required DateTimeOffset From { get; set; }

    [Parameter, EditorRequired]
    public required DateTimeOffset To { get; set; }

    private string Filter => $"{Cmf.Core.Specs.InstanceUid.AnnotationKey} == {InstanceUid}";

    private string? LinkUrl => DashboardUrls.LogLinkUrl(
        Options.Value.Logging.LinkTemplate,
        new LogLinkValues(InstanceUid, Namespace, Application, From, To));
}
