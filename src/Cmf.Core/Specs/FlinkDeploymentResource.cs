using System.Text.Json.Nodes;

namespace Cmf.Core.Specs;

/// <summary>
/// A FlinkDeployment read from JSON. <see cref="Spec"/> is the object's own <c>spec</c> node, not a
/// copy: treat it as read-only.
/// </summary>
public sealed record FlinkDeploymentResource(ObjectMetadata Metadata, JsonObject Spec, FlinkDeploymentStatus Status);
