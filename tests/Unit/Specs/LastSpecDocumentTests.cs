using Cmf.Core.Specs;
using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.Specs;

public class LastSpecDocumentTests
{
    [Fact]
    public void Operator_1_9_document_gives_the_spec_and_its_generation()
    {
        var captured = FlinkDeploymentReader.Read(
            YamlDocuments.ReadAll(ReferenceFiles.FkoExample("captured-status-operator-1.9.yaml"))[0]).Value!;

        var document = LastSpecDocument.Read(captured.Status.ReconciliationStatus!.LastStableSpec)!;

        Assert.Equal(2, document.Generation);
        Assert.Equal("flink:1.17", document.Spec["image"]!.GetValue<string>());
    }

    [Fact]
    public void A_document_without_generation_gives_the_spec_alone()
    {
        var document = LastSpecDocument.Read("""{"spec":{"image":"flink:2.2"},"resource_metadata":{"apiVersion":"flink.apache.org/v1beta1","firstDeployment":true}}""")!;

        Assert.Null(document.Generation);
        Assert.Equal("""{"image":"flink:2.2"}""", document.Spec.ToJsonString());
    }

    [Fact]
    public void A_generation_that_is_not_an_integer_is_left_out()
    {
        var document = LastSpecDocument.Read("""{"spec":{},"resource_metadata":{"metadata":{"generation":"2"}}}""")!;

        Assert.Null(document.Generation);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not json")]
    [InlineData("{\"spec\":")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{\"spec\":\"x\"}")]
    [InlineData("{\"resource_metadata\":{}}")]
    [InlineData("{\"spec\":{},\"spec\":{}}")]
    public void A_malformed_document_reads_as_null(string? json)
    {
        Assert.Null(LastSpecDocument.Read(json));
    }
}
