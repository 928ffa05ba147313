using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cmf.Core.Model;

namespace Cmf.Core.Specs;

/// <summary>
/// The UID of an application instance (DESIGN 3.1): CMF's pod-template annotation when the spec carries
/// a valid one, else an RFC 4122 name-based UUID (version 5, SHA-1) of <c>"{objectUid}/{generation}"</c>
/// in <see cref="Namespace"/>, so restarts, relists and replicas derive the same UID.
/// </summary>
public static class InstanceUid
{
    // A UUID in its canonical 8-4-4-4-12 spelling.
    private const int UuidLength = 36;

    /// <summary>
    /// The namespace of derived instance UIDs: the version 5 UUID of the annotation key in RFC 4122's URL
    /// namespace, so anyone can recompute it (Python: <c>uuid.uuid5(uuid.NAMESPACE_URL, "platform.confluent.io/cmf-fa-instance")</c>).
    /// Changing it would give every instance without the annotation a new UID.
    /// </summary>
    public static Guid Namespace { get; } = new("c09ce896-6336-5f04-8777-00af95c98252");

    /// <summary>RFC 4122 appendix C, NameSpace_URL.</summary>
    public static Guid UrlNamespace { get; } = new("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    public static string For(string? annotation, string objectUid, long generation) =>
        IsValid(annotation) ? annotation : FromObject(objectUid, generation);

    public static string FromObject(string objectUid, long generation)
    {
        ArgumentNullException.ThrowIfNull(objectUid);
        return NameBased(Namespace, objectUid + "/" + generation.ToString(CultureInfo.InvariantCulture)).ToString("D");
    }

    /// <summary>
    /// A UUID spelled 8-4-4-4-12 with hex digits and nothing else (no braces, spaces or other text),
    /// since the UID goes into URLs, log queries and database keys.
    /// </summary>
    public static bool IsValid([NotNullWhen(true)] string? value)
    {
        if (value is null || value.Length != UuidLength)
        {
            return false;
        }
        for (var i = 0; i < value.Length; i++)
        {
            var expectHyphen = i is 8 or 13 or 18 or 23;
            if (expectHyphen ? value[i] != '-' : !char.IsAsciiHexDigit(value[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>An RFC 4122 version 5 UUID: SHA-1 over the namespace's bytes and the name in UTF-8.</summary>
    internal static Guid NameBased(Guid @namespace, string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        @namespace.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
#pragma warning disable CA5350 // RFC 4122 version 5 is defined with SHA-1; it names, it does not protect.
        SHA1.HashData(input, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3f) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
