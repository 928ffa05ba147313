using System.Text.Json.Nodes;
using Cmf.Core.Tracking;

namespace Cmf.Core.Specs;

/// <summary>Turns a submitted spec and its environment's defaults into the <see cref="SpecVersion"/> the tracker keeps.</summary>
public static class SpecVersionFactory
{
    public static SpecVersion Create(JsonObject? environmentDefaults, JsonObject submittedSpec)
    {
        var effective = EffectiveSpec.Build(environmentDefaults, submittedSpec);
        // Hashed unsealed, so that changing nothing but a password still makes a new instance.
        var hash = SpecHash.Compute(CanonicalJson.SerializeToUtf8Bytes(effective));
        var flinkVersion = JsonScalars.AsString(effective["flinkVersion"]);
        var upgradeMode = JsonScalars.AsString((effective["job"] as JsonObject)?["upgradeMode"]);

        SecretMasker.SealInPlace(effective);
        var effectiveJson = CanonicalJson.Serialize(effective);
        // Without defaults the effective spec is the submitted spec, and so is its canonical text.
        var submittedJson = effectiveJson;
        if (EffectiveSpec.DefaultsSpec(environmentDefaults) is { Count: > 0 })
        {
            var submitted = EffectiveSpec.CanonicalCopy(submittedSpec);
            SecretMasker.SealInPlace(submitted);
            submittedJson = CanonicalJson.Serialize(submitted);
        }

        return new SpecVersion
        {
            EffectiveSpecJson = effectiveJson,
            SpecHash = hash,
            SubmittedSpecJson = submittedJson,
            InstanceAnnotation = InstanceAnnotation(submittedSpec),
            FlinkVersion = flinkVersion,
            UpgradeMode = upgradeMode,
        };
    }

    /// <summary>Only the hash of the effective spec, for specs that are compared but not stored (<c>lastStableSpec</c>).</summary>
    public static string Hash(JsonObject? environmentDefaults, JsonObject submittedSpec) =>
        SpecHash.Compute(CanonicalJson.SerializeToUtf8Bytes(EffectiveSpec.Build(environmentDefaults, submittedSpec)));

    /// <summary>
    /// CMF's instance annotation on the pod template (or on the JobManager's), when it is a valid UID.
    /// Read from the submitted spec: an annotation coming from environment defaults would give every
    /// application the same instance.
    /// </summary>
    public static string? InstanceAnnotation(JsonObject submittedSpec)
    {
        var annotation = AnnotationOf(submittedSpec);
        if (!InstanceUid.IsValid(annotation))
        {
            annotation = AnnotationOf(submittedSpec["jobManager"] as JsonObject);
        }
        return InstanceUid.IsValid(annotation) ? annotation : null;
    }

    private static string? AnnotationOf(JsonObject? owner)
    {
        var metadata = (owner?["podTemplate"] as JsonObject)?["metadata"] as JsonObject;
        var annotations = metadata?["annotations"] as JsonObject;
        return JsonScalars.AsString(annotations?[InstanceUid.AnnotationKey]);
    }
}
