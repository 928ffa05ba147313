using System.Security.Cryptography;
using System.Text;

namespace Cmf.Core.Specs;

/// <summary>The identity of an effective spec: lowercase hex SHA-256 of its canonical JSON (UTF-8).</summary>
public static class SpecHash
{
    public static string Compute(string canonicalJson) => Compute(Encoding.UTF8.GetBytes(canonicalJson));

    public static string Compute(ReadOnlySpan<byte> canonicalJsonUtf8)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(canonicalJsonUtf8, hash);
        return Convert.ToHexStringLower(hash);
    }
}
