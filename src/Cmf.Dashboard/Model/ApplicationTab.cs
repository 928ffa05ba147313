namespace Cmf.Dashboard.Model;

/// <summary>The tabs of an application's page.</summary>
public enum ApplicationTab
{
    Timeline,
    Instances,
    Events,
    Spec,
}
