namespace Cmf.Core.Storage.Views;

/// <summary>An instance named by its UID and its per-application number.</summary>
public sealed record InstanceReference(string Uid, int Sequence);
