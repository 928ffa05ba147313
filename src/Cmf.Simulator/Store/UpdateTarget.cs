namespace Cmf.Simulator.Store;

/// <summary>Which part of an object an update writes: the object itself (status is kept) or the status subresource (only status changes).</summary>
internal enum UpdateTarget
{
    Object,
    Status,
}
