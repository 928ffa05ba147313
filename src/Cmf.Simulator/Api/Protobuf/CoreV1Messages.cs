using Kind = Cmf.Simulator.Api.Protobuf.ProtobufFieldKind;

namespace Cmf.Simulator.Api.Protobuf;

/// <summary>
/// The protobuf messages of the built-in types kubectl sends as protobuf and the simulator serves, with the field
/// numbers of k8s.io/api and k8s.io/apimachinery's generated.proto. Fields the server ignores on create and update
/// (selfLink, deletionTimestamp, managedFields, status conditions) are left out and so skipped.
/// </summary>
internal static class CoreV1Messages
{
    public static readonly ProtobufMessage TypeMeta = new("TypeMeta",
        new(1, "apiVersion", Kind.String),
        new(2, "kind", Kind.String));

    public static readonly ProtobufMessage OwnerReference = new("OwnerReference",
        new(1, "kind", Kind.String),
        new(3, "name", Kind.String),
        new(4, "uid", Kind.String),
        new(5, "apiVersion", Kind.String),
        new(6, "controller", Kind.Bool),
        new(7, "blockOwnerDeletion", Kind.Bool));

    public static readonly ProtobufMessage ObjectMeta = new("ObjectMeta",
        new(1, "name", Kind.String),
        new(2, "generateName", Kind.String),
        new(3, "namespace", Kind.String),
        new(5, "uid", Kind.String),
        new(6, "resourceVersion", Kind.String),
        new(7, "generation", Kind.Int64),
        new(8, "creationTimestamp", Kind.Time),
        new(11, "labels", Kind.StringMap),
        new(12, "annotations", Kind.StringMap),
        new(13, "ownerReferences", Kind.Message, Repeated: true, OwnerReference),
        new(14, "finalizers", Kind.String, Repeated: true));

    public static readonly ProtobufMessage NamespaceSpec = new("NamespaceSpec",
        new ProtobufField(1, "finalizers", Kind.String, Repeated: true));

    public static readonly ProtobufMessage NamespaceStatus = new("NamespaceStatus",
        new ProtobufField(1, "phase", Kind.String));

    public static readonly ProtobufMessage Namespace = new("Namespace",
        new(1, "metadata", Kind.Message, Message: ObjectMeta),
        new(2, "spec", Kind.Message, Message: NamespaceSpec),
        new(3, "status", Kind.Message, Message: NamespaceStatus));
}
