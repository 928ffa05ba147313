using Cmf.Core.Storage.Views;

namespace Cmf.Dashboard.Model;

/// <summary>What the pages read off an application's list row beyond its stored columns.</summary>
public static class ApplicationSummaryPresentation
{
    extension(ApplicationSummary application)
    {
        /// <summary>The latest instance while the operator has not reconciled it (DESIGN 3.2 rule 5).</summary>
        public InstanceReference? PendingInstance => application.PendingUpgrade ? application.LatestInstance : null;
    }
}
