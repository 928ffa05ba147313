namespace Cmf.UnitTests.Dashboard;

/// <summary>What a hostile user can put into a name, a label or a spec value.</summary>
internal static class HostileText
{
    public const string Script = "<script>alert(1)</script>";
    public const string ImageOnError = "\"><img src=x onerror=alert(1)>";
    public const string RightToLeftOverride = "evil\u202Etxt.exe";
    public const string Emoji = "job-🚀-ünïcode";
    public const string DotDotSlash = "../../admin";

    public static TheoryData<string> All => [Script, ImageOnError, RightToLeftOverride, Emoji, DotDotSlash];
}
