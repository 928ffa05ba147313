using System.Text;
using System.Text.Json.Nodes;
using Cmf.Core.Json;
using Cmf.Core.Model;

namespace Cmf.Core.Specs;

/// <summary>Turns an observed FlinkDeployment spec into the <see cref="SpecVersion"/> the tracker keeps.</summary>
public static class SpecVersionFactory
{
    public static SpecVersion Create(JsonObject observedSpec)
    {
        var effective = EffectiveSpec.Of(observedSpec);
        var flinkVersion = JsonScalars.AsString(effective["flinkVersion"]);
        var upgradeMode = JsonScalars.AsString((effective["job"] as JsonObject)?["upgradeMode"]);
        var annotation = InstanceAnnotation(effective);
        var plain = CanonicalBuffer.Rent();
        try
        {
            CanonicalJson.Write(plain, effective);
            // Hashed plain, so that changing nothing but a password still makes a new instance.
            var hash = SpecHash.Compute(plain.WrittenSpan);
            var secrets = new List<string>();
            // Most specs hold no secret: then the fingerprinted text is the plain one, already written.
            var effectiveSpecJson = SecretMasker.FingerprintInPlace(effective, secrets)
                ? CanonicalJson.Serialize(effective)
                : Encoding.UTF8.GetString(plain.WrittenSpan);
            return new SpecVersion
            {
                Scrubber = new SecretScrubber(secrets),
                EffectiveSpecJson = effectiveSpecJson,
                SpecHash = hash,
                InstanceAnnotation = annotation,
                FlinkVersion = flinkVersion,
                UpgradeMode = upgradeMode,
            };
        }
        finally
        {
            CanonicalBuffer.Return(plain);
        }
    }

    /// <summary>CMF's instance annotation on the pod template (or on the JobManager's), when it is a valid UID.</summary>
    public static string? InstanceAnnotation(JsonObject spec)
    {
        var annotation = AnnotationOf(spec);
        if (!InstanceUid.IsValid(annotation))
        {
            annotation = AnnotationOf(spec["jobManager"] as JsonObject);
        }
        return InstanceUid.IsValid(annotation) ? annotation : null;
    }

    private static string? AnnotationOf(JsonObject? owner)
    {
        var metadata = (owner?["podTemplate"] as JsonObject)?["metadata"] as JsonObject;
        var annotations = metadata?["annotations"] as JsonObject;
        return JsonScalars.AsString(annotations?[MetadataKeys.InstanceAnnotation]);
    }
}
