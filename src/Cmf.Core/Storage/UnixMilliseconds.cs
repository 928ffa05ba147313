using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Cmf.Core.Storage;

/// <summary>
/// Times are stored as UTC unix milliseconds (INTEGER) so that every provider can sort, compare and
/// index them; EF Core's SQLite provider cannot order DateTimeOffset stored as TEXT.
/// </summary>
internal static class UnixMilliseconds
{
    public static long From(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset ToTime(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
}

/// <summary>The value converter that applies <see cref="UnixMilliseconds"/> to every DateTimeOffset column.</summary>
internal sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    time => UnixMilliseconds.From(time),
    milliseconds => UnixMilliseconds.ToTime(milliseconds));
