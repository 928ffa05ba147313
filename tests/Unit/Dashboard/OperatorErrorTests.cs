using Cmf.Dashboard.Model;

namespace Cmf.UnitTests.Dashboard;

public sealed class OperatorErrorTests
{
    [Fact]
    public void A_json_error_is_summarised_by_its_message()
    {
        const string error = """{"type":"org.apache.flink.kubernetes.operator.exception.UpgradeFailureException","message":"Savepoint Error","throwableList":[]}""";

        Assert.Equal("Savepoint Error", OperatorError.Summary(error));
    }

    [Fact]
    public void A_plain_error_is_its_own_summary()
    {
        Assert.Equal("Job failed", OperatorError.Summary(" Job failed\n"));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"type":"X"}""")]
    [InlineData("""{"message":42}""")]
    public void A_json_like_error_without_a_message_text_is_kept_whole(string error)
    {
        Assert.Equal(error, OperatorError.Summary(error));
    }

    [Fact]
    public void The_causes_are_the_distinct_messages_of_the_throwable_list_in_order()
    {
        const string error = """{"message":"Savepoint Error","throwableList":[{"message":"b"},{"message":"Savepoint Error"},{"type":"T"},{"message":"a"},{"message":"b"},"text",{"message":7}]}""";

        var detail = OperatorError.Read(error);

        Assert.Equal("Savepoint Error", detail.Summary);
        Assert.Equal(["b", "a"], detail.Causes);
        Assert.Equal(error, detail.Raw);
    }

    [Fact]
    public void A_plain_error_has_no_causes_and_no_raw_text_beside_it()
    {
        var plain = OperatorError.Read(" Job failed\n");
        var broken = OperatorError.Read("{not json");

        Assert.Equal(("Job failed", 0, null), (plain.Summary, plain.Causes.Count, plain.Raw));
        Assert.Equal(("{not json", 0, null), (broken.Summary, broken.Causes.Count, broken.Raw));
    }
}
