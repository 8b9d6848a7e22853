namespace OrleansGateway.RestApis;

/// <summary>A gateway response of a REST API (apigateway <c>GatewayResponse</c>).</summary>
[GenerateSerializer, Immutable, Alias("gw.RestGatewayResponse")]
public sealed record RestGatewayResponse
{
    [Id(0)] public required string ResponseType { get; init; }
    [Id(1)] public string? StatusCode { get; init; }
    [Id(2)] public Dictionary<string, string>? ResponseParameters { get; init; }
    [Id(3)] public Dictionary<string, string>? ResponseTemplates { get; init; }
    [Id(4)] public bool DefaultResponse { get; init; }
}
