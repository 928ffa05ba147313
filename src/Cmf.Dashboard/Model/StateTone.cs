namespace Cmf.Dashboard.Model;

/// <summary>The colour family of a state chip. The chip's text always says the state too.</summary>
public enum StateTone
{
    Neutral,
    Success,
    Error,
    Warning,
    Info,
    Finished,
}
