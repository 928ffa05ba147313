using System.Text.Json.Nodes;

namespace Cmf.Core.Kubernetes;

/// <summary>
/// One object of a list or of a watch event. When <see cref="Unreadable"/> is null, <see cref="Json"/> is the whole
/// object. Otherwise it says why the object could not be read, and <see cref="Json"/> holds only what identifies it
/// (<c>apiVersion</c>, <c>kind</c> and <c>metadata</c> without <c>managedFields</c>): enough to move the watch past
/// it, to file the rejection under its application, and to record its deletion.
/// </summary>
public sealed record ApiObject(JsonObject Json, string? Unreadable = null);
