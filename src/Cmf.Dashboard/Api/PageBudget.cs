using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cmf.Core.Specs;

namespace Cmf.Dashboard.Api;

/// <summary>
/// CMF list answers are capped in bytes. A page takes its items in order while the page, as it will be written (JSON
/// or YAML), stays within <see cref="MaxBytes"/>; its first item always goes, so paging always moves on (one item is
/// bounded by the store, which refuses specs over 1.5 MiB). A page cut short says which page it is: <c>pageable.size</c>
/// is how many items it holds and <c>pageable.page</c> which page of that size, so asking for the next page at that
/// size neither skips nor repeats an item, and <c>metadata.size</c> still counts every item.
/// </summary>
public static class PageBudget
{
    /// <summary>
    /// 4 MiB: more than two of the largest specs the store keeps (1.5 MiB each), and over 400 typical 5-10 KB specs, so no
    /// page of real specs at the default size of 20 is ever cut. A page this size costs tens of MiB of parsed JSON while it is
    /// written; 500 specs of 1.5 MiB would have cost gigabytes.
    /// </summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>What an item adds to its spec's length (metadata, status), in the estimate that decides which specs are read.</summary>
    public const int ItemAllowance = 2 * 1024;

    /// <summary>The page's own fields (<c>pageable</c>, <c>metadata</c>), kept out of the items' share.</summary>
    private const int EnvelopeBytes = 1024;

    /// <summary>
    /// How many leading items to read the specs of, from each item's estimated size (its spec's stored length plus
    /// <see cref="ItemAllowance"/>): those that fit the budget, and never fewer than one. The page measures exactly afterwards.
    /// </summary>
    public static int Affordable(IEnumerable<long> estimates)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        var count = 0;
        var used = 0L;
        foreach (var estimate in estimates)
        {
            used += estimate;
            if (count > 0 && used > MaxBytes - EnvelopeBytes)
            {
                break;
            }
            count++;
        }
        return count;
    }

    /// <summary>
    /// The page to write: <paramref name="items"/> (the leading <paramref name="items"/>.Count of the <paramref name="stored"/>
    /// items the store returned for <paramref name="request"/>) with the selected fields, as many as fit.
    /// </summary>
    public static CmfPage<JsonObject> Page<T>(PageRequest request, long total, int stored, IReadOnlyList<T> items, FieldSelection fields, ApiFormat format)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(fields);
        var written = new List<JsonObject>(items.Count);
        var used = 0L;
        foreach (var item in items)
        {
            var node = fields.Project(item);
            used += SizeOf(node, format);
            if (written.Count > 0 && used > MaxBytes - EnvelopeBytes)
            {
                break;
            }
            written.Add(node);
        }
        if (written.Count == stored || written.Count == 0)
        {
            return CmfPage<JsonObject>.Of(request, total, written);
        }
        // The largest page size up to what fits whose pages start exactly where the page asked for does.
        var offset = (long)request.Page * request.Size;
        var size = Enumerable.Range(1, written.Count).Last(d => offset % d == 0);
        return CmfPage<JsonObject>.Of(request with { Page = (int)(offset / size), Size = size }, total, written[..size]);
    }

    /// <summary>The bytes an item takes in the page: compact JSON and a comma, or its lines under <c>items:</c> in YAML.</summary>
    private static long SizeOf(JsonObject item, ApiFormat format)
    {
        if (format == ApiFormat.Json)
        {
            return JsonSerializer.SerializeToUtf8Bytes(item, ApiJson.Options).LongLength + 1;
        }
        var list = new JsonArray(item);
        try
        {
            return Encoding.UTF8.GetByteCount(CanonicalYaml.Render(new JsonObject { ["items"] = list }));
        }
        finally
        {
            list.Clear();
        }
    }
}
