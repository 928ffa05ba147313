using System.Buffers;

namespace Cmf.Core.Specs;

/// <summary>
/// One reusable output buffer per thread for the canonical writers. Every observed spec generation is written two or
/// three times (hash, fingerprinted text); a fresh 16 KB buffer for each was the largest allocation of mapping a
/// 10,000-object list, and on a first start the mapping threads spent about half their time waiting for the GC.
/// </summary>
internal static class CanonicalBuffer
{
    private const int InitialSize = 16 * 1024;

    // A buffer one huge document grew past this is dropped, so no thread keeps it for good.
    private const int MaxKeptSize = 1024 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _cached;

    /// <summary>This thread's buffer, empty; a second rent before the first is returned gets a new one.</summary>
    public static ArrayBufferWriter<byte> Rent()
    {
        var buffer = _cached ?? new ArrayBufferWriter<byte>(InitialSize);
        _cached = null;
        return buffer;
    }

    /// <summary>Wipes what was written (it may be a plain secret) and keeps the buffer for this thread's next rent.</summary>
    public static void Return(ArrayBufferWriter<byte> buffer)
    {
        buffer.Clear();
        if (buffer.Capacity <= MaxKeptSize)
        {
            _cached = buffer;
        }
    }
}
