namespace Cmf.Dashboard.Model;

/// <summary>
/// Whether the page is shown inside a portal's frame (<c>?embed=1</c>). Cascaded from <c>Routes</c>:
/// embedded pages get no chrome, keep <c>embed=1</c> on every in-app link and never link out.
/// </summary>
public sealed record EmbedMode(bool IsEmbedded)
{
    public static EmbedMode Standalone { get; } = new(false);

    public static EmbedMode Embedded { get; } = new(true);

    public static EmbedMode FromUrl(string url) => EmbedUrl.IsEmbedded(url) ? Embedded : Standalone;
}
