using System.Globalization;

namespace Cmf.Core.Storage.Views;

/// <summary>
/// A position in the changes list (creation time, then row id, both descending): a page continues strictly after it, so
/// rows committed meanwhile never shift the next page as an offset would. Written as text <c>{unixMs}.{id}</c>.
/// </summary>
public sealed record ChangeCursor(DateTimeOffset CreatedAt, long Id)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{CreatedAt.ToUnixTimeMilliseconds()}.{Id}");

    public static bool TryParse(string? text, out ChangeCursor? cursor)
    {
        cursor = null;
        if (text is not { Length: > 0 and <= 40 } || text.Split('.') is not [var time, var id]
            || !long.TryParse(time, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            || !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var rowId)
            || ms > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return false;
        }
        cursor = new ChangeCursor(DateTimeOffset.FromUnixTimeMilliseconds(ms), rowId);
        return true;
    }
}
