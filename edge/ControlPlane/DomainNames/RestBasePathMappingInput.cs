using OrleansGateway.DomainNames;

namespace OrleansGateway.Edge.ControlPlane.DomainNames;

/// <summary>The body of apigateway's (v1) CreateBasePathMapping.</summary>
public sealed record RestBasePathMappingInput
{
    public string? BasePath { get; init; }
    public string? RestApiId { get; init; }
    public string? Stage { get; init; }

    public ApiMappingInput ToApiMappingInput() => new() { ApiMappingKey = BasePath, ApiId = RestApiId, Stage = Stage };
}
