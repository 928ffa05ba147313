namespace Cmf.Dashboard.Model;

/// <summary>
/// The names of the dashboard's query parameters: <see cref="DashboardUrls"/> writes them and the pages read them back
/// through <c>[SupplyParameterFromQuery]</c>.
/// </summary>
public static class QueryParameterNames
{
    public const string Embed = "embed";
    public const string Environment = "environment";
    public const string State = "state";
    public const string Search = "search";
    public const string Sort = "sort";
    public const string Descending = "desc";
    public const string Page = "page";
    public const string Tab = "tab";
    public const string From = "from";
    public const string To = "to";
    public const string Window = "window";
    public const string Inline = "inline";
    public const string HideAnnotation = "hideAnnotation";
    public const string Back = "back";
    public const string Application = "application";
    public const string Field = "field";
    public const string Key = "key";
    public const string Outcome = "outcome";
    public const string Before = "before";
    public const string Size = "size";
}
