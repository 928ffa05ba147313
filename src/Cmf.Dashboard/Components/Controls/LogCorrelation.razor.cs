using Cmf.Core.Configuration;
using Cmf.Core.Specs;
using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Cmf.Dashboard.Components.Controls;

/// <summary>
/// How to find an instance's logs. A CMF-managed instance's pods carry its UID in an annotation: the filter by it, with
/// copy. Any other instance has a UID only the dashboard knows: the operator's pod labels and the time its clusters ran it.
/// When <c>Cmf:Logging:LinkTemplate</c> is set, a link into the log system for the instance's lifetime; inside a portal's
/// frame the link is plain text.
/// </summary>
public partial class LogCorrelation
{
    // Unique, so that two on one page (the gallery) never share an id.
    private readonly string _titleId = "log-correlation-" + Guid.NewGuid().ToString("N")[..8];

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

    /// <summary>
    /// The instance's effective spec carries <c>platform.confluent.io/cmf-fa-instance</c> with this instance's UID, so the
    /// operator puts it on every pod; a FlinkDeployment made with kubectl has none.
    /// </summary>
    [Parameter]
    public bool PodsCarryInstanceAnnotation { get; set; }

    /// <summary>When the instance's clusters ran it (To null while one still does); null when none did.</summary>
    [Parameter]
    public (DateTimeOffset From, DateTimeOffset? To)? ClustersRan { get; set; }

    private const string AnnotationKey = Cmf.Core.Model.MetadataKeys.InstanceAnnotation;

    private string AnnotationFilter => $"{AnnotationKey} == {InstanceUid}";

    private string JobManagerSelector => PodSelector(Cmf.Core.Model.MetadataKeys.JobManagerComponent);

    private string TaskManagerSelector => PodSelector(Cmf.Core.Model.MetadataKeys.TaskManagerComponent);

    private string? LinkUrl => LogLinkTemplate.Expand(
        Options.Value.Logging.LinkTemplate,
        new LogLinkValues(InstanceUid, Namespace, Application, From, To));

    /// <summary>The spec says its pods carry this instance's UID (CMF wrote the annotation and this instance took it as its UID).</summary>
    public static bool CarriesInstanceAnnotation(string? fingerprintedSpecJson, string instanceUid) =>
        !string.IsNullOrWhiteSpace(fingerprintedSpecJson)
        && System.Text.Json.Nodes.JsonNode.Parse(fingerprintedSpecJson) is System.Text.Json.Nodes.JsonObject spec
        && SpecVersionFactory.InstanceAnnotation(spec) == instanceUid;

    private string PodSelector(string component) =>
        $"{Cmf.Core.Model.MetadataKeys.AppLabel}={Application},{Cmf.Core.Model.MetadataKeys.ComponentLabel}={component}";
}
