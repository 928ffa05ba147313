using System.Text;
using Cmf.Core.Feed;
using Cmf.Core.Model;
using Cmf.Core.Storage.PostgreSql;

namespace Cmf.UnitTests.Feed;

public sealed class ChangeNotificationTests
{
    [Fact]
    public void A_small_change_set_is_one_notification_that_reads_back_the_same()
    {
        var changes = new ChangeSet([new ApplicationKey("prod", "orders"), new ApplicationKey("dev", "naïve \"quoted\"")], ["uid-1", "uid-2"]);

        var payload = Assert.Single(ChangeNotification.Encode(changes));
        var decoded = ChangeNotification.Decode(payload);

        Assert.NotNull(decoded);
        Assert.Equal(changes.Applications, decoded.Applications);
        Assert.Equal(changes.InstanceUids, decoded.InstanceUids);
    }

    [Fact]
    public void A_large_change_set_is_split_into_notifications_under_the_payload_limit()
    {
        var keys = Enumerable.Range(0, 400).Select(n => new ApplicationKey("production", $"application-number-{n}")).ToList();
        var uids = Enumerable.Range(0, 400).Select(n => Guid.NewGuid().ToString()).ToList();

        var payloads = ChangeNotification.Encode(new ChangeSet(keys, uids));

        Assert.True(payloads.Count > 1);
        Assert.All(payloads, p => Assert.True(Encoding.UTF8.GetByteCount(p) < 8000));
        var decoded = payloads.Select(ChangeNotification.Decode).ToList();
        Assert.Equal(keys, decoded.SelectMany(d => d!.Applications));
        Assert.Equal(uids, decoded.SelectMany(d => d!.InstanceUids));
    }

    [Fact]
    public void A_change_set_too_large_for_a_few_notifications_becomes_one_resync_notice()
    {
        var keys = Enumerable.Range(0, 20_000).Select(n => new ApplicationKey("production", $"application-number-{n}")).ToList();

        var payload = Assert.Single(ChangeNotification.Encode(new ChangeSet(keys, [])));

        Assert.Null(ChangeNotification.Decode(payload));
    }

    [Fact]
    public void An_empty_change_set_sends_nothing() => Assert.Empty(ChangeNotification.Encode(ChangeSet.Empty));

    [Fact]
    public void A_payload_that_cannot_be_read_means_resync() => Assert.Null(ChangeNotification.Decode("not json"));
}
