using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cmf.Core.Specs;

/// <summary>Measures how many bytes of compact JSON a node is, without keeping the text.</summary>
internal static class JsonSize
{
    public static long Measure(JsonNode node)
    {
        var counter = new CountingBufferWriter();
        using (var writer = CanonicalJson.CreateWriter(counter))
        {
            node.WriteTo(writer);
        }
        return counter.Count;
    }

    private sealed class CountingBufferWriter : IBufferWriter<byte>
    {
        private byte[] _scratch = new byte[4096];

        public long Count { get; private set; }

        public void Advance(int count) => Count += count;

        public Memory<byte> GetMemory(int sizeHint = 0) => Scratch(sizeHint);

        public Span<byte> GetSpan(int sizeHint = 0) => Scratch(sizeHint);

        private byte[] Scratch(int sizeHint)
        {
            if (sizeHint > _scratch.Length)
            {
                _scratch = new byte[sizeHint];
            }
            return _scratch;
        }
    }
}
