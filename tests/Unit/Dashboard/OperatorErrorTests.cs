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
}
