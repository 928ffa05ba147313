namespace Cmf.Simulator.Store;

/// <summary>DeleteOptions.preconditions: delete only this incarnation, or only this version.</summary>
internal sealed record DeletePreconditions(string? Uid, long? ResourceVersion);
