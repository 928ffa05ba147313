using System.Net;
using System.Text.Json.Nodes;
using Cmf.UnitTests.Api.Support;

namespace Cmf.UnitTests.Api;

/// <summary>CMF's filter and search through the real HTTP API and store: named cases, combinations with fields and paging, and refusals.</summary>
public abstract class CmfFilterSearchTests(QueryDashboard dashboard)
{
    private const string Environments = QueryDashboard.EnvironmentsPath;
    private const string Applications = QueryDashboard.ApplicationsPath;
    private const string Events = QueryDashboard.EventsPath;

    private async Task<IReadOnlyList<JsonNode>> ItemsAsync(string path)
    {
        var answer = await dashboard.Client.GetApiAsync(path);
        Assert.True(answer.Status == HttpStatusCode.OK, $"{path}: {answer.Status} {answer.Body}");
        return [.. answer.Json["items"]!.AsArray().Select(i => i!)];
    }

    private static string Name(JsonNode item) => item["metadata"]!["name"]!.GetValue<string>();

    private static string Text(JsonNode item, string a, string b) => item[a]![b]!.GetValue<string>();

    private static string Query(string value) => Uri.EscapeDataString(value);

    [Fact]
    public async Task Events_of_type_cmf_or_job_status_leave_the_cluster_events_out()
    {
        var all = await ItemsAsync($"{Events}?size=500");

        var filtered = await ItemsAsync($"{Events}?size=500&filter={Query("type in (CMF_STATUS,JOB_STATUS)")}");

        Assert.Contains(all, e => Text(e, "status", "type") == "CLUSTER_STATUS");
        Assert.Equal(all.Where(e => Text(e, "status", "type") != "CLUSTER_STATUS").Select(Name), filtered.Select(Name));
    }

    [Fact]
    public async Task Events_of_one_type_or_not_of_it_split_the_list()
    {
        var all = await ItemsAsync($"{Events}?size=500");

        var jobs = await ItemsAsync($"{Events}?size=500&filter=type=JOB_STATUS");
        var others = await ItemsAsync($"{Events}?size=500&filter={Query("type notin (JOB_STATUS)")}");

        Assert.NotEmpty(jobs);
        Assert.NotEmpty(others);
        Assert.All(jobs, e => Assert.Equal("JOB_STATUS", Text(e, "status", "type")));
        Assert.Equal(all.Select(Name).Order(), jobs.Concat(others).Select(Name).Order());
    }

    [Fact]
    public async Task A_search_finds_the_term_in_the_message_or_the_whole_instance_name()
    {
        var all = await ItemsAsync($"{Events}?size=500");
        var latest = dashboard.Orders.InstanceUid(2);

        var running = await ItemsAsync($"{Events}?size=500&search=running&searchScope=message,flinkApplicationInstance");
        var byInstance = await ItemsAsync($"{Events}?size=500&search={latest.ToUpperInvariant()}&searchScope=flinkApplicationInstance");
        var byPartOfInstance = await ItemsAsync($"{Events}?size=500&search={latest[..8]}&searchScope=flinkApplicationInstance");

        Assert.Equal(all.Where(e => Text(e, "status", "message").Contains("RUNNING", StringComparison.OrdinalIgnoreCase)).Select(Name), running.Select(Name));
        Assert.InRange(running.Count, 1, all.Count - 1);
        Assert.Equal(all.Where(e => e["metadata"]!["flinkApplicationInstance"]?.GetValue<string>() == latest).Select(Name), byInstance.Select(Name));
        Assert.NotEmpty(byInstance);
        Assert.Empty(byPartOfInstance);
    }

    [Fact]
    public async Task A_search_never_looks_at_the_stored_form_of_a_masked_secret()
    {
        var answer = await dashboard.Client.GetApiAsync($"{Events}?search={Query("<sealed:")}&searchScope=message");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Empty(answer.Json["items"]!.AsArray());
    }

    [Fact]
    public async Task Environments_are_searched_in_their_name_or_namespace()
    {
        var byName = await ItemsAsync($"{Environments}?search=FOO&searchScope=name");
        var byNamespace = await ItemsAsync($"{Environments}?search=foo&searchScope=kubernetesNamespace");
        var byEither = await ItemsAsync($"{Environments}?search=foo&searchScope=name,kubernetesNamespace");

        Assert.Equal(["foo-bar", "foo-baz", "foo-qa-bar"], byName.Select(e => e["name"]!.GetValue<string>()));
        Assert.Equal(["foo-baz"], byNamespace.Select(e => e["name"]!.GetValue<string>()));
        Assert.Equal(["foo-bar", "foo-baz", "foo-qa-bar"], byEither.Select(e => e["name"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("name=foo*bar", new[] { "foo-bar", "foo-qa-bar" })]
    [InlineData("name=foo*", new[] { "foo-bar", "foo-baz", "foo-qa-bar" })]
    [InlineData("name=*a*", new[] { "foo-bar", "foo-baz", "foo-qa-bar", "staging" })]
    [InlineData("name=prod", new[] { "prod" })]
    [InlineData("name=foo*bar,!labels.development", new[] { "foo-bar", "foo-qa-bar" })]
    [InlineData("name=foo*bar,labels.environment in (production, qa)", new string[0])]
    [InlineData("labels.team", new string[0])]
    [InlineData("labels.team!=a,labels.tier notin (x)", new[] { "foo-bar", "foo-baz", "foo-qa-bar", "prod", "staging" })]
    public async Task Environments_filter_by_name_pattern_and_by_labels_they_do_not_carry(string filter, string[] expected)
    {
        var items = await ItemsAsync($"{Environments}?filter={Query(filter)}");

        Assert.Equal(expected, items.Select(e => e["name"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("name=prod*,state in (RUNNING, FAILED)", new[] { "prod-orders", "prod-payments" })]
    [InlineData("name=prod*", new[] { "prod-audit", "prod-orders", "prod-payments" })]
    [InlineData("state=RUNNING", new[] { "foo-x-bar", "prod-orders", "reports" })]
    [InlineData("state=running", new[] { "foo-x-bar", "prod-orders", "reports" })]
    [InlineData("state!=RUNNING", new[] { "prod-audit", "prod-payments" })]
    [InlineData("state notin (RUNNING, FAILED)", new[] { "prod-audit" })]
    [InlineData("state in (RUNNING, FAILED),state notin (RUNNING)", new[] { "prod-payments" })]
    [InlineData("state=RUNNING,state=FAILED", new string[0])]
    [InlineData("name=*o*,name=*s", new[] { "prod-orders", "prod-payments", "reports" })]
    [InlineData("name=foo*bar,labels.environment in (production, qa),!labels.development", new string[0])]
    public async Task Applications_filter_by_name_pattern_and_job_state_in_the_store(string filter, string[] expected)
    {
        var items = await ItemsAsync($"{Applications}?filter={Query(filter)}&sort=name");

        Assert.Equal(expected, items.Select(Name));
    }

    [Theory]
    [InlineData("/cmf/api/v1alpha1/environments/prod/applications/missing/events?filter=type=JOB_STATUS,type=CMF_STATUS")]
    [InlineData("/cmf/api/v1/environments/missing/applications?filter=state=RUNNING,state=FAILED")]
    public async Task A_filter_that_can_match_nothing_still_tells_a_missing_parent_with_404(string path)
    {
        var answer = await dashboard.Client.GetApiAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Empty(await CmfContract.Reference.ValidateAsync("RestError", answer.Body));
    }

    [Fact]
    public async Task A_filter_that_can_match_nothing_answers_an_empty_page_that_counts_nothing()
    {
        var answer = await dashboard.Client.GetApiAsync($"{Events}?filter={Query("type in (JOB_STATUS),type notin (JOB_STATUS)")}");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Empty(answer.Json["items"]!.AsArray());
        Assert.Equal(0, answer.Json["metadata"]!["size"]!.GetValue<long>());
    }

    [Fact]
    public async Task Filter_fields_and_paging_combine_and_the_total_counts_what_the_filter_keeps()
    {
        var filter = Query("type in (CMF_STATUS, JOB_STATUS)");
        var kept = await ItemsAsync($"{Events}?size=500&filter={filter}");

        var answer = await dashboard.Client.GetApiAsync($"{Events}?filter={filter}&fields=metadata.name,status.type&size=2&page=1");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(kept.Count, answer.Json["metadata"]!["size"]!.GetValue<long>());
        var items = answer.Json["items"]!.AsArray().Select(i => i!).ToList();
        Assert.Equal(kept.Skip(2).Take(2).Select(Name), items.Select(Name));
        Assert.All(items, i => Assert.Equal(["apiVersion", "kind", "metadata", "status"], i.AsObject().Select(p => p.Key).Order()));
        Assert.All(items, i => Assert.Equal(["type"], i["status"]!.AsObject().Select(p => p.Key)));
    }

    [Fact]
    public async Task Search_and_paging_walk_every_match_once_and_count_them_all()
    {
        var search = "search=instance&searchScope=message";
        var kept = await ItemsAsync($"{Events}?size=500&{search}");
        var walked = new List<string>();

        for (var page = 0; page <= kept.Count; page++)
        {
            var answer = await dashboard.Client.GetApiAsync($"{Events}?{search}&size=2&page={page}&sort=creationTimestamp,asc");
            Assert.Equal(kept.Count, answer.Json["metadata"]!["size"]!.GetValue<long>());
            walked.AddRange(answer.Json["items"]!.AsArray().Select(i => Name(i!)));
        }

        Assert.True(kept.Count > 2, $"{kept.Count} events mention an instance");
        Assert.Equal(kept.Select(Name).Reverse(), walked);
    }

    [Fact]
    public async Task Application_filter_pages_count_the_filtered_applications()
    {
        var answer = await dashboard.Client.GetApiAsync($"{Applications}?filter={Query("state=RUNNING")}&size=1&page=2&sort=name&fields=metadata.name");

        Assert.Equal(3, answer.Json["metadata"]!["size"]!.GetValue<long>());
        Assert.Equal(["reports"], answer.Json["items"]!.AsArray().Select(i => Name(i!)));
    }

    [Fact]
    public async Task Filtered_and_searched_answers_validate_against_the_reference_schemas()
    {
        var events = await dashboard.Client.GetApiAsync($"{Events}?filter={Query("type in (CMF_STATUS, JOB_STATUS)")}&search=RUNNING&searchScope=message,flinkApplicationInstance");
        var applications = await dashboard.Client.GetApiAsync($"{Applications}?filter={Query("name=prod*,state in (RUNNING, FAILED)")}");
        var environments = await dashboard.Client.GetApiAsync($"{Environments}?filter=name=foo*bar&search=qa&searchScope=name,kubernetesNamespace");

        Assert.Empty(await CmfContract.AsClientsRead.ValidateAsync("EventsPage", events.Body));
        Assert.Empty(await CmfContract.AsClientsRead.ValidateAsync("ApplicationsPage", applications.Body));
        Assert.Empty(await CmfContract.AsClientsRead.ValidateAsync("EnvironmentsPage", environments.Body));
        Assert.Equal(["foo-qa-bar"], environments.Json["items"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_status_event_carries_the_state_it_moved_to_in_status_data()
    {
        var events = await ItemsAsync($"{Events}?size=500");

        var jobEvents = events.Where(e => Text(e, "status", "type") == "JOB_STATUS").ToList();
        Assert.NotEmpty(jobEvents);
        Assert.All(jobEvents, e =>
        {
            var newStatus = e["status"]!["data"]!["newStatus"]!.GetValue<string>();
            Assert.StartsWith($"Job {newStatus} ", Text(e, "status", "message"), StringComparison.Ordinal);
        });
        var lifecycle = events.Where(e => Text(e, "status", "message").StartsWith("Lifecycle ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lifecycle);
        Assert.All(lifecycle, e => Assert.Equal(Text(e, "status", "message")["Lifecycle ".Length..], e["status"]!["data"]!["newStatus"]!.GetValue<string>()));
        var created = events.Where(e => Text(e, "status", "message").StartsWith("Instance #", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(created);
        Assert.All(created, e => Assert.Null(e["status"]!["data"]));
    }

    public static TheoryData<string, string, string> Refusals => new()
    {
        { Applications, "filter=owner=me", "is not one applications take" },
        { Applications, "filter=phase=RUNNING", "statements and compute pools" },
        { Applications, "filter=type=JOB_STATUS", "filters events only" },
        { Events, "filter=state=RUNNING", "filters applications only" },
        { Applications, "filter=state=SPRINTING", "not a state" },
        { Events, $"filter={Query("type in (CMF_STATUS, NOT_A_TYPE)")}", "not a type" },
        { Applications, "filter=state", "takes =, !=, in or notin" },
        { Applications, $"filter={Query("name!=prod")}", "takes '='" },
        { Applications, $"filter={Query("name in (prod)")}", "takes '='" },
        { Applications, "filter=name=PROD*", "can match no name" },
        { Applications, $"filter={Query("name>prod")}", "does not allow at position 5" },
        { Applications, $"filter={Query("state in (RUNNING")}", "unbalanced parentheses" },
        { Applications, $"filter={Query("state in RUNNING)")}", "'(' after 'in'" },
        { Applications, $"filter={Query("state=RUNNING)")}", "unbalanced parentheses" },
        { Applications, $"filter={Query("state in ((RUNNING))")}", "do not nest" },
        { Applications, $"filter={Query("(state=RUNNING)")}", "where it expects a key" },
        { Applications, $"filter={Query("state=RUNNING,")}", "ends with ','" },
        { Applications, "filter=", "filter is empty" },
        { Applications, $"filter={Query("labels.a b")}", "where it expects =, !=, in or notin" },
        { Applications, $"filter={Query("labels.-bad=x")}", "not a Kubernetes label key" },
        { Applications, "filter=name=a&filter=name=b", "given once" },
        { Applications, "search=orders&searchScope=name", "not offered on applications" },
        { QueryDashboard.InstancesPath, "filter=name=x", "not offered on application instances" },
        { QueryDashboard.InstancesPath, "search=x&searchScope=name", "not offered on application instances" },
        { Events, "search=RUNNING", "must be given together" },
        { Events, "searchScope=message", "must be given together" },
        { Events, "search=RUNNING&searchScope=message,reason", "got 'reason'" },
        { Events, "search=RUNNING&searchScope=", "got ''" },
        { Environments, "search=x&searchScope=message", "got 'message'" },
        { Environments, "search=%20&searchScope=name", "1 to 256 characters" },
        { Environments, $"search={new string('x', 257)}&searchScope=name", "1 to 256 characters" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task What_the_grammar_does_not_allow_gets_400_that_says_why(string path, string query, string because)
    {
        var answer = await dashboard.Client.GetApiAsync($"{path}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Empty(await CmfContract.Reference.ValidateAsync("RestError", answer.Body));
        Assert.Contains(because, answer.FirstError, StringComparison.Ordinal);
    }

    public static TheoryData<string> HostileFilters => new()
    {
        new string('(', 2000),
        string.Concat(Enumerable.Repeat("state in (", 300)),
        "name=" + new string('a', 4000),
        string.Join(',', Enumerable.Repeat("state=RUNNING", 300)),
        string.Join(',', Enumerable.Range(0, 40).Select(i => $"labels.k{i}")),
        $"state in ({string.Join(',', Enumerable.Repeat("RUNNING", 65))})",
        "name=a\u0001b",
        new string('(', 1000),
        "state in " + new string('(', 1000),
        "name=\u202Eevil",
        "!!!!!!!!!!!!!!!!!!!!",
        ")))))))))",
    };

    [Theory]
    [MemberData(nameof(HostileFilters))]
    public async Task Hostile_filters_get_400_in_the_envelope(string filter)
    {
        var answer = await dashboard.Client.GetApiAsync($"{Applications}?filter={Query(filter)}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/json", answer.ContentType);
        Assert.Empty(await CmfContract.Reference.ValidateAsync("RestError", answer.Body));
        Assert.True(answer.FirstError.Length < 400, answer.FirstError);
    }
}

public sealed class CmfFilterSearchTestsOnSqlite(QueryDashboard dashboard) : CmfFilterSearchTests(dashboard), IClassFixture<QueryDashboard>;

public sealed class CmfFilterSearchTestsOnPostgreSql(QueryPostgreSqlDashboard dashboard) : CmfFilterSearchTests(dashboard), IClassFixture<QueryPostgreSqlDashboard>;
