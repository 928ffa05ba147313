using Cmf.Core.Tracking;

namespace Cmf.Dashboard.Model;

/// <summary>How the pages name an instance: by its per-application number.</summary>
public static class InstanceLabel
{
    /// <summary>"#3" for the third instance of its application.</summary>
    public static string Of(int sequence) => $"#{sequence}";

    extension(InstanceState instance)
    {
        /// <summary>"#3" for the third instance of its application.</summary>
        public string Label => Of(instance.Sequence);
    }
}
