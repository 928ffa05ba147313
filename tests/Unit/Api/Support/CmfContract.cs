using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.Api.Support;

/// <summary>CMF's OpenAPI file from <c>../shared/reference</c>, read at test time: the wire contract of the CMF API.</summary>
public static class CmfContract
{
    private static readonly Lazy<OpenApiSchemas> Schemas = new(() => OpenApiSchemas.FromYaml(ReferenceFiles.ReadText("cmf-openapi.yaml")));

    private static readonly Lazy<OpenApiSchemas> ClientSchemas = new(() => Schemas.Value.AsGeneratedClientsRead());

    public static OpenApiSchemas Reference => Schemas.Value;

    /// <summary>The reference schemas with <c>oneOf</c> read as CMF's generated clients read it (<see cref="OpenApiSchemas.AsGeneratedClientsRead"/>).</summary>
    public static OpenApiSchemas AsClientsRead => ClientSchemas.Value;
}
