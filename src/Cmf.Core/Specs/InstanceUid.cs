using System.Security.Cryptography;
using System.Text;

namespace Cmf.Core.Specs;

/// <summary>Instance UIDs: the CMF annotation when present, else a name-based UUID v5 of "{objectUid}/{generation}".</summary>
public static class InstanceUid
{
    public const string AnnotationKey = "platform.confluent.io/cmf-fa-instance";

    // RFC 4122 URL namespace: any fixed value works, as long as every replica and restart uses the same one.
    private static readonly Guid Namespace = new("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    public static string For(string? annotation, string objectUid, long generation) =>
        annotation is not null && IsValid(annotation) ? annotation.ToLowerInvariant() : FromObject(objectUid, generation);

    public static string FromObject(string objectUid, long generation) => NameBased($"{objectUid}/{generation}");

    public static bool IsValid(string value) => value.Length == 36 && Guid.TryParseExact(value, "D", out _);

    private static string NameBased(string name)
    {
        Span<byte> input = stackalloc byte[16];
        Namespace.TryWriteBytes(input, bigEndian: true, out _);
        var bytes = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        input.CopyTo(bytes);
        Encoding.UTF8.GetBytes(name, bytes.AsSpan(16));
#pragma warning disable CA5350 // UUID v5 is defined over SHA-1; this is naming, not security.
        var hash = SHA1.HashData(bytes);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D");
    }
}
