using Cmf.Core.Model;
using Cmf.Core.Tracking;
using Cmf.Dashboard.Model;
using Cmf.Core.Storage.Views;

namespace Cmf.Dashboard.Components.Pages;

public partial class ControlsGallery
{
    /// <summary>Sample data for the controls the data-bound pages are made of.</summary>
    private static class PageSamples
    {
        public static IReadOnlyList<Breadcrumb> Crumbs { get; } =
        [
            Breadcrumb.ApplicationList,
            Breadcrumb.Environment(GallerySamples.Environment),
            Breadcrumb.Application(GallerySamples.Environment, GallerySamples.Application),
            new("Instance #2"),
        ];

        public static EnvironmentView Environment { get; } = new(
            "prod", "flink-prod", 7,
            "spec:\n  flinkConfiguration:\n    restart-strategy.type: exponential-delay\n    s3.secret-key: ******\n  serviceAccount: flink\n");

        public static IReadOnlyList<EventView> Events(DateTimeOffset now, IReadOnlyList<InstanceState> instances) =>
        [
            Event(5, now.AddMinutes(-50), AppEventKind.ErrorSet, "Error: " + GallerySamples.SavepointError, instances[1].Uid) with
            {
                Count = 14,
                LastSeenAt = now.AddMinutes(-2),
            },
            Event(4, now.AddMinutes(-40), AppEventKind.InstanceCreated, "Instance #3 created (generation 3)", instances[2].Uid),
            Event(3, now.AddMinutes(-100), AppEventKind.InstanceCreated, "Instance #2 created (generation 2)", instances[1].Uid),
            Event(2, now.AddMinutes(-290), AppEventKind.JobStateChanged, "Job RUNNING on instance #1", instances[0].Uid),
            Event(1, now.AddMinutes(-299), AppEventKind.ErrorSet, "Error: " + GallerySamples.ImageOnError + " " + GallerySamples.Script),
        ];

        /// <summary>What the spec of #1 shares with the defaults of <see cref="Environment"/>.</summary>
        public static IReadOnlyList<string> DefaultPaths { get; } = ["flinkConfiguration[\"s3.secret-key\"]", "serviceAccount"];

        /// <summary>The lines of <see cref="GallerySamples.SpecOfFirst"/> that write <see cref="DefaultPaths"/>.</summary>
        public static IReadOnlySet<int> DefaultLines { get; } = new HashSet<int> { 9, 23 };

        private static EventView Event(long id, DateTimeOffset at, AppEventKind kind, string message, string? instanceUid = null) => new()
        {
            Id = id,
            Timestamp = at,
            Kind = kind,
            CmfType = new AppEvent(at, kind, message).CmfType,
            Message = message,
            InstanceUid = instanceUid,
        };
    }
}
