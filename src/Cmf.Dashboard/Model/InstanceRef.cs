namespace Cmf.Dashboard.Model;

/// <summary>Enough of an instance to name it and link to it: its UID and its per-application number.</summary>
public sealed record InstanceRef(string Uid, int Sequence)
{
    public string Label => $"#{Sequence}";
}
