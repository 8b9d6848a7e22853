namespace OrleansGateway.RestApis;

/// <summary>An integration response (apigateway <c>IntegrationResponse</c>).</summary>
[GenerateSerializer, Immutable, Alias("gw.RestIntegrationResponse")]
public sealed record RestIntegrationResponse
{
    [Id(0)] public required string StatusCode { get; init; }
    [Id(1)] public string? SelectionPattern { get; init; }
    [Id(2)] public Dictionary<string, string>? ResponseParameters { get; init; }
    [Id(3)] public Dictionary<string, string>? ResponseTemplates { get; init; }
    [Id(4)] public string? ContentHandling { get; init; }
}
