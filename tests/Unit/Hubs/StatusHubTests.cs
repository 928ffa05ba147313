using Cmf.Dashboard.Api;
using Cmf.Dashboard.Hubs;
using Cmf.UnitTests.Api.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cmf.UnitTests.Hubs;

/// <summary>Subscribing gives the current state at once, masked like the API, and refuses what cannot exist.</summary>
public sealed class StatusHubTests(SeededDashboard dashboard) : IClassFixture<SeededDashboard>
{
    [Fact]
    public async Task Subscribing_to_an_application_returns_its_status_at_once()
    {
        await using var client = await HubClient.ConnectAsync(dashboard.Host.BaseUrl);

        var status = await client.Connection.InvokeAsync<ApplicationStatusMessage>(nameof(StatusHub.SubscribeApplication), "prod", "orders");

        Assert.Equal("RUNNING", status.JobState);
        Assert.Equal(dashboard.Orders.InstanceUid(2), status.CurrentInstance!.Uid);
        Assert.Equal(2, status.InstanceCount);
    }

    [Fact]
    public async Task Subscribing_to_an_instance_returns_it_with_its_secrets_masked()
    {
        await using var client = await HubClient.ConnectAsync(dashboard.Host.BaseUrl);

        var instance = await client.Connection.InvokeAsync<InstanceResource>(nameof(StatusHub.SubscribeInstance), dashboard.Orders.InstanceUid(1));

        Assert.Equal(1, instance.Sequence);
        var configuration = instance.EffectiveSpec["flinkConfiguration"]!.ToJsonString();
        Assert.Contains("******", configuration, StringComparison.Ordinal);
        Assert.DoesNotContain("do-not-show", configuration, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribing_to_an_instance_names_its_values_from_environment_defaults_as_the_api_does()
    {
        await using var client = await HubClient.ConnectAsync(dashboard.Host.BaseUrl);

        var instance = await client.Connection.InvokeAsync<InstanceResource>(nameof(StatusHub.SubscribeInstance), dashboard.Orders.InstanceUid(1));

        Assert.Equal(["flinkConfiguration[\"execution.checkpointing.interval\"]", "flinkConfiguration[\"s3.secret-key\"]"], instance.EnvironmentDefaultPaths);
    }

    [Fact]
    public async Task Subscribing_to_an_unknown_application_fails_with_a_clear_message()
    {
        await using var client = await HubClient.ConnectAsync(dashboard.Host.BaseUrl);

        var failure = await Assert.ThrowsAsync<HubException>(() =>
            client.Connection.InvokeAsync<ApplicationStatusMessage>(nameof(StatusHub.SubscribeApplication), "prod", "missing"));

        Assert.Contains("'missing' was not found", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-uid")]
    [InlineData("")]
    public async Task Subscribing_to_a_malformed_uid_fails_with_a_clear_message(string uid)
    {
        await using var client = await HubClient.ConnectAsync(dashboard.Host.BaseUrl);

        var failure = await Assert.ThrowsAsync<HubException>(() =>
            client.Connection.InvokeAsync<InstanceResource>(nameof(StatusHub.SubscribeInstance), uid));

        Assert.Contains("is not an instance UID", failure.Message, StringComparison.Ordinal);
    }
}
