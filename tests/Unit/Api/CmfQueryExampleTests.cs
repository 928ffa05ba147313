using System.Net;
using System.Text.Json.Nodes;
using Cmf.UnitTests.Api.Support;
using static Cmf.UnitTests.Api.Support.CmfQueryOracle;

namespace Cmf.UnitTests.Api;

/// <summary>
/// Every example query of CMF's OpenAPI (read from ../shared/reference at test time) on every list of ours that declares
/// its parameter, through the real HTTP API and store: the items that come back are those the test's own reading of the
/// description keeps (<see cref="CmfQueryOracle"/>), or the answer is a 400 in CMF's envelope when the example names
/// what the list does not have (phase filters statements; statements are not served).
/// </summary>
public abstract class CmfQueryExampleTests(QueryDashboard dashboard)
{
    private static readonly Dictionary<string, (string Path, ListKind Kind)> Served = new(StringComparer.Ordinal)
    {
        ["/cmf/api/v1/environments"] = (QueryDashboard.EnvironmentsPath, ListKind.Environments),
        ["/cmf/api/v1/environments/{envName}/applications"] = (QueryDashboard.ApplicationsPath, ListKind.Applications),
        ["/cmf/api/v1alpha1/environments/{envName}/applications/{appName}/events"] = (QueryDashboard.EventsPath, ListKind.Events),
    };

    public static TheoryData<string, string> ExamplesOnServedLists()
    {
        var data = new TheoryData<string, string>();
        foreach (var template in Served.Keys)
        {
            foreach (var example in CmfQueryExamples.On(template))
            {
                data.Add(template, example.Query);
            }
        }
        return data;
    }

    public static TheoryData<string, string> FilterFormsOnServedLists()
    {
        var data = new TheoryData<string, string>();
        foreach (var form in CmfQueryExamples.FilterForms.Where(f => Served.ContainsKey(f.PathTemplate)).DistinctBy(f => (f.PathTemplate, f.Query)))
        {
            data.Add(form.PathTemplate, form.Query);
        }
        return data;
    }

    [Fact]
    public void The_filter_description_lists_every_form_of_the_grammar()
    {
        var forms = CmfQueryExamples.FilterForms.Select(f => f.Query).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "?filter=name=foo*bar", "?filter=labels.key = value", "?filter=labels.key != value", "?filter=labels.key in (value1, value2)",
                "?filter=labels.key notin (value1, value2)", "?filter=labels.key", "?filter=!labels.key", "?filter=state=RUNNING",
                "?filter=state notin (RUNNING, FAILED)", "?filter=phase=PENDING", "?filter=type in (CMF_STATUS, JOB_STATUS)",
            },
            forms);
    }

    [Theory]
    [MemberData(nameof(FilterFormsOnServedLists))]
    public Task Each_form_the_filter_description_lists_answers_what_it_says(string pathTemplate, string query) =>
        Each_example_answers_what_its_description_says(pathTemplate, query);

    [Fact]
    public void The_reference_file_has_the_examples_the_issue_names_and_every_example_is_declared_on_a_served_list()
    {
        var all = CmfQueryExamples.Examples.Select(e => e.Query).ToHashSet(StringComparer.Ordinal);
        var served = Served.Keys.SelectMany(CmfQueryExamples.On).Select(e => e.Query).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("?filter=type in (CMF_STATUS, JOB_STATUS)", all);
        Assert.Contains("?search=RUNNING&searchScope=message,flinkApplicationInstance", all);
        Assert.Contains("?filter=name=foo*bar,labels.environment in (production, qa),!labels.development", all);
        Assert.Contains("?fields=metadata.name,metadata.createdTimestamp,status.phase", all);
        Assert.Subset(served, all);
    }

    [Theory]
    [MemberData(nameof(ExamplesOnServedLists))]
    public async Task Each_example_answers_what_its_description_says(string pathTemplate, string query)
    {
        var (path, kind) = Served[pathTemplate];
        var example = new CmfQueryExample(pathTemplate, "", query);
        var unfiltered = await ItemsAsync(path + "?size=500");
        var expected = Expect(kind, example.Parameters, unfiltered);

        var answer = await dashboard.Client.GetApiAsync(path + example.EncodedQuery + "&size=500");

        if (expected.RefusedBecause is { } reason)
        {
            Assert.True(answer.Status == HttpStatusCode.BadRequest, $"{query} on {kind}: expected 400 ({reason}), got {answer.Status}: {answer.Body}");
            Assert.Empty(await CmfContract.Reference.ValidateAsync("RestError", answer.Body));
            return;
        }
        Assert.True(answer.Status == HttpStatusCode.OK, $"{query} on {kind}: {answer.Status} {answer.Body}");
        var items = answer.Json["items"]!.AsArray().Select(i => i!).ToList();
        Assert.Equal(expected.Names!.Order(StringComparer.Ordinal), items.Select(i => NameOf(kind, i)).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Names!.Count, answer.Json["metadata"]!["size"]!.GetValue<long>());
        if (example.Parameters.FirstOrDefault(p => p.Key == "fields") is { Key: not null } fields)
        {
            var allowed = fields.Value.Split(',').Append("apiVersion").Append("kind").ToList();
            Assert.All(items, item => Assert.All(Paths(item), p => Assert.Contains(allowed, a => p == a || p.StartsWith(a + ".", StringComparison.Ordinal))));
        }
    }

    private async Task<IReadOnlyList<JsonNode>> ItemsAsync(string path)
    {
        var answer = await dashboard.Client.GetApiAsync(path);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return [.. answer.Json["items"]!.AsArray().Select(i => i!)];
    }

    /// <summary>The dotted paths of an item's leaves.</summary>
    private static IEnumerable<string> Paths(JsonNode node, string prefix = "") => node is JsonObject obj
        ? obj.SelectMany(p => p.Value is null ? [prefix + p.Key] : Paths(p.Value, prefix + p.Key + "."))
        : [prefix.TrimEnd('.')];
}

public sealed class CmfQueryExampleTestsOnSqlite(QueryDashboard dashboard) : CmfQueryExampleTests(dashboard), IClassFixture<QueryDashboard>;

public sealed class CmfQueryExampleTestsOnPostgreSql(QueryPostgreSqlDashboard dashboard) : CmfQueryExampleTests(dashboard), IClassFixture<QueryPostgreSqlDashboard>;
