using Cmf.Dashboard.Security;

namespace Cmf.UnitTests.Security;

public sealed class ListeningAddressesTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000")]
    [InlineData("http://127.0.0.2:80")]
    [InlineData("http://localhost:5000")]
    [InlineData("https://LOCALHOST:443")]
    [InlineData("http://[::1]:5000")]
    [InlineData("http://unix:/run/cmf.sock")]
    public void Loopback_addresses_reach_only_this_machine(string address) => Assert.True(ListeningAddresses.IsLoopback(address));

    [Theory]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://[::]:8080")]
    [InlineData("http://*:8080")]
    [InlineData("http://+:8080")]
    [InlineData("http://10.1.2.3:80")]
    [InlineData("http://dashboard.example.com:80")]
    [InlineData("not an address")]
    public void Other_addresses_may_be_reached_from_elsewhere(string address) => Assert.False(ListeningAddresses.IsLoopback(address));
}
