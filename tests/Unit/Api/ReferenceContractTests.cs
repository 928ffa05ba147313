using Cmf.UnitTests.Api.Support;

namespace Cmf.UnitTests.Api;

/// <summary>The contract check is only worth something if it refuses what CMF's schemas refuse.</summary>
public sealed class ReferenceContractTests
{
    [Fact]
    public async Task An_application_without_a_spec_is_refused()
    {
        var errors = await CmfContract.Reference.ValidateAsync("FlinkApplication", """{"apiVersion":"v1","kind":"FlinkApplication","metadata":{}}""");

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task An_environment_without_a_namespace_is_refused()
    {
        var errors = await CmfContract.Reference.ValidateAsync("Environment", """{"name":"prod"}""");

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task A_page_whose_total_is_text_is_refused()
    {
        var errors = await CmfContract.Reference.ValidateAsync("EventsPage", """{"metadata":{"size":"two"},"items":[]}""");

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task Event_data_can_never_validate_because_both_choices_of_its_one_of_match_any_object()
    {
        var withNewStatus = """{"apiVersion":"v1alpha1","kind":"FlinkApplicationEvent","metadata":{},"status":{"data":{"newStatus":"RUNNING"}}}""";

        var errors = await CmfContract.Reference.ValidateAsync("FlinkApplicationEvent", withNewStatus);

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task Event_data_with_a_new_status_validates_as_cmf_clients_read_it()
    {
        var withNewStatus = """{"apiVersion":"v1alpha1","kind":"FlinkApplicationEvent","metadata":{},"status":{"data":{"newStatus":"RUNNING"}}}""";

        var errors = await CmfContract.AsClientsRead.ValidateAsync("FlinkApplicationEvent", withNewStatus);

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"state":"RUNNING"}""")]
    [InlineData("""{"newStatus":"RUNNING","exceptionString":"java.lang.Exception"}""")]
    public async Task Event_data_that_is_neither_or_both_choices_is_refused_as_cmf_clients_read_it(string data)
    {
        var withData = """{"apiVersion":"v1alpha1","kind":"FlinkApplicationEvent","metadata":{},"status":{"data":""" + data + "}}";

        var errors = await CmfContract.AsClientsRead.ValidateAsync("FlinkApplicationEvent", withData);

        Assert.NotEmpty(errors);
    }
}
