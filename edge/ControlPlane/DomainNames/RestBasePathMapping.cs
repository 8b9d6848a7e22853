using OrleansGateway.DomainNames;

namespace OrleansGateway.Edge.ControlPlane.DomainNames;

/// <summary>apigateway's (v1) <c>BasePathMapping</c>: an API mapping seen by its key, <c>(none)</c> for the root.</summary>
public sealed record RestBasePathMapping(string BasePath, string RestApiId, string? Stage)
{
    public static RestBasePathMapping From(ApiMappingDefinition mapping) =>
        new(BasePaths.FromKey(mapping.ApiMappingKey), mapping.ApiId, mapping.Stage.Length == 0 ? null : mapping.Stage);
}
