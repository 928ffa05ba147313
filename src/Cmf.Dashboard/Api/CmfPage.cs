namespace Cmf.Dashboard.Api;

/// <summary>CMF's page envelope (<c>PaginationResponse</c> + <c>metadata.size</c> = how many exist in all + <c>items</c>).</summary>
public sealed record CmfPage<T>(CmfPageable Pageable, CmfPageMetadata Metadata, IReadOnlyList<T> Items)
{
    public static CmfPage<T> Of(PageRequest request, long total, IReadOnlyList<T> items) =>
        new(new CmfPageable(request.Page, request.Size, CmfSort.Of(request.Sort is not null)), new CmfPageMetadata(total), items);
}

/// <summary>CMF's <c>Pageable</c>: the page asked for.</summary>
public sealed record CmfPageable(int Page, int Size, CmfSort Sort);

/// <summary>CMF's <c>Sort</c>: whether the client asked for an order.</summary>
public sealed record CmfSort(bool Sorted, bool Unsorted, bool Empty)
{
    public static CmfSort Of(bool sorted) => new(sorted, !sorted, !sorted);
}

/// <summary>The page's <c>metadata</c>: <c>size</c> is the total number of items, not the page size.</summary>
public sealed record CmfPageMetadata(long Size);
