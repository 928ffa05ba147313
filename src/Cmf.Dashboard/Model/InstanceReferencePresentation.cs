using Cmf.Core.Storage.Views;

namespace Cmf.Dashboard.Model;

/// <summary>How the pages name an instance: by its per-application number.</summary>
public static class InstanceReferencePresentation
{
    extension(InstanceReference instance)
    {
        /// <summary>"#3".</summary>
        public string Label => $"#{instance.Sequence}";
    }
}
