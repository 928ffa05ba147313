using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cmf.UnitTests.TestSupport;
using YamlDotNet.RepresentationModel;

namespace Cmf.UnitTests.Telemetry;

/// <summary>The Grafana dashboard and the alert rules use only metrics a running dashboard exports.</summary>
public sealed partial class MonitoringFilesTests(MetricsScenario scenario) : IClassFixture<MetricsScenario>
{
    private static readonly HashSet<string> PromQlWords = new(StringComparer.Ordinal)
    {
        "sum", "min", "max", "avg", "count", "by", "without", "on", "ignoring", "group_left", "group_right",
        "and", "or", "unless", "bool", "offset", "le",
    };

    [Fact]
    public async Task Every_metric_the_grafana_dashboard_charts_is_exported()
    {
        var exported = (await scenario.ScrapeAsync()).Names;
        var dashboard = JsonNode.Parse(File.ReadAllText(Path.Combine(ReferenceFiles.RepositoryRoot, "deploy", "grafana", "cmf-dashboard.json")))!;
        var expressions = dashboard["panels"]!.AsArray()
            .SelectMany(p => p!["targets"]!.AsArray())
            .Select(t => t!["expr"]!.GetValue<string>())
            .ToList();

        Assert.NotEmpty(expressions);
        Assert.All(expressions.SelectMany(MetricNames), name => Assert.Contains(name, exported));
    }

    [Fact]
    public async Task Every_metric_the_alert_rules_test_is_exported()
    {
        var exported = (await scenario.ScrapeAsync()).Names;
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(ReferenceFiles.RepositoryRoot, "deploy", "prometheus", "cmf-alerts.yaml")))
        {
            yaml.Load(reader);
        }
        var rule = (YamlMappingNode)yaml.Documents.Single().RootNode;
        Assert.Equal("monitoring.coreos.com/v1", ((YamlScalarNode)rule["apiVersion"]).Value);
        Assert.Equal("PrometheusRule", ((YamlScalarNode)rule["kind"]).Value);
        var alerts = ((YamlSequenceNode)((YamlMappingNode)rule["spec"])["groups"])
            .SelectMany(g => (YamlSequenceNode)((YamlMappingNode)g)["rules"])
            .Cast<YamlMappingNode>()
            .ToDictionary(r => ((YamlScalarNode)r["alert"]).Value!, r => ((YamlScalarNode)r["expr"]).Value!);

        Assert.Equal(["CmfCommitErrors", "CmfNoLeader", "CmfWatchLagHigh", "CmfWatchStalled"], alerts.Keys.Order(StringComparer.Ordinal));
        Assert.All(alerts.Values.SelectMany(MetricNames), name => Assert.Contains(name, exported));
    }

    [Fact]
    public void Metric_names_are_read_from_an_expression_without_its_functions_labels_and_ranges()
    {
        Assert.Equal(
            ["cmf_a_bucket", "cmf_b"],
            MetricNames("histogram_quantile(0.99, sum by (le) (rate(cmf_a_bucket{x=\"y\"}[5m]))) / ignoring(z) max(cmf_b) > 0"));
    }

    /// <summary>The metric names in a PromQL expression: identifiers that are not functions, keywords, label names or durations.</summary>
    private static IEnumerable<string> MetricNames(string expression)
    {
        var bare = LabelMatchers().Replace(expression, "");
        bare = Ranges().Replace(bare, "");
        bare = Groupings().Replace(bare, "");
        return Identifiers().Matches(bare)
            .Select(m => m.Value)
            .Where(word => !PromQlWords.Contains(word))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex LabelMatchers();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Ranges();

    [GeneratedRegex(@"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Groupings();

    // Not followed by "(" (a function) and not a number.
    [GeneratedRegex(@"\b[a-zA-Z_:][a-zA-Z0-9_:]*\b(?!\s*\()")]
    private static partial Regex Identifiers();
}
