using System.Threading.Channels;
using Cmf.Dashboard.Api;
using Cmf.Dashboard.Hubs;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cmf.UnitTests.Hubs;

/// <summary>The real .NET SignalR client on the status hub, with every pushed message kept in order.</summary>
public sealed class HubClient : IAsyncDisposable
{
    private readonly Channel<InstanceResource> _instances = Channel.CreateUnbounded<InstanceResource>();
    private readonly Channel<ApplicationStatusMessage> _applications = Channel.CreateUnbounded<ApplicationStatusMessage>();

    private HubClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<InstanceResource>(StatusHub.InstanceChanged, m => _instances.Writer.TryWrite(m));
        connection.On<ApplicationStatusMessage>(StatusHub.ApplicationChanged, m => _applications.Writer.TryWrite(m));
    }

    public HubConnection Connection { get; }

    public static async Task<HubClient> ConnectAsync(Uri baseUrl)
    {
        var client = new HubClient(new HubConnectionBuilder().WithUrl(new Uri(baseUrl, StatusHub.Path)).Build());
        await client.Connection.StartAsync();
        return client;
    }

    /// <summary>The first pushed instance that matches, waiting at most <paramref name="timeout"/>.</summary>
    public Task<InstanceResource> InstanceChangedAsync(Func<InstanceResource, bool> match, TimeSpan timeout) => FirstAsync(_instances.Reader, match, timeout);

    public Task<ApplicationStatusMessage> ApplicationChangedAsync(Func<ApplicationStatusMessage, bool> match, TimeSpan timeout) => FirstAsync(_applications.Reader, match, timeout);

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    private static async Task<T> FirstAsync<T>(ChannelReader<T> reader, Func<T, bool> match, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        await foreach (var message in reader.ReadAllAsync(deadline.Token))
        {
            if (match(message))
            {
                return message;
            }
        }
        throw new InvalidOperationException("The hub connection closed.");
    }
}
