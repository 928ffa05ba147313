using System.Globalization;
using System.Text;

namespace Cmf.Simulator;

/// <summary>The one source of randomness (UIDs, job ids, pod name suffixes, demo choices), seeded for repeatable runs.</summary>
internal sealed class SimulatorRandom(int seed)
{
    // The alphabet Kubernetes uses for generated name suffixes (no vowels, no look-alike characters).
    private const string NameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();

    public string NewUid()
    {
        Span<byte> bytes = stackalloc byte[16];
        lock (_gate)
        {
            _random.NextBytes(bytes);
        }
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D", CultureInfo.InvariantCulture);
    }

    public string Hex(int length)
    {
        var bytes = new byte[(length + 1) / 2];
        lock (_gate)
        {
            _random.NextBytes(bytes);
        }
        return Convert.ToHexStringLower(bytes)[..length];
    }

    public string NameSuffix(int length)
    {
        var builder = new StringBuilder(length);
        lock (_gate)
        {
            for (var i = 0; i < length; i++)
            {
                builder.Append(NameAlphabet[_random.Next(NameAlphabet.Length)]);
            }
        }
        return builder.ToString();
    }

    public int Next(int minInclusive, int maxExclusive)
    {
        lock (_gate)
        {
            return _random.Next(minInclusive, maxExclusive);
        }
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(0, items.Count)];
}
