using System.Net;
using Cmf.Simulator;
using Cmf.UnitTests.Simulator.Support;

namespace Cmf.UnitTests.Simulator;

/// <summary>The simulator answers without authentication, so it listens on loopback only.</summary>
public sealed class LoopbackAddressTests
{
    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("127.45.6.7", "127.45.6.7")]
    [InlineData("::1", "::1")]
    [InlineData("localhost", "127.0.0.1")]
    [InlineData("LOCALHOST", "127.0.0.1")]
    public void Loopback_hosts_are_accepted(string host, string address)
    {
        Assert.Equal(IPAddress.Parse(address), LoopbackAddress.Parse(host));
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("10.1.2.3")]
    [InlineData("192.168.0.10")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("example.com")]
    [InlineData("")]
    public void Other_hosts_are_refused_saying_why(string host)
    {
        var error = Assert.Throws<FormatException>(() => LoopbackAddress.Parse(host));

        Assert.Contains("must be a loopback address", error.Message, StringComparison.Ordinal);
        Assert.Contains("without authentication", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_simulator_asked_to_listen_on_every_interface_does_not_start()
    {
        await Assert.ThrowsAsync<FormatException>(() => TestSimulator.StartAsync(configure: o => o.Host = "0.0.0.0"));
    }
}
