namespace OrleansGateway.HttpApis;

/// <summary>An integration response (apigatewayv2 <c>IntegrationResponse</c>) of a WebSocket integration.</summary>
[GenerateSerializer, Alias("gw.IntegrationResponseDefinition")]
public sealed record IntegrationResponseDefinition
{
    [Id(0)] public required string IntegrationResponseId { get; init; }
    [Id(1)] public required string IntegrationResponseKey { get; init; }
    [Id(2)] public string? ContentHandlingStrategy { get; init; }
    [Id(3)] public Dictionary<string, string>? ResponseParameters { get; init; }
    [Id(4)] public Dictionary<string, string>? ResponseTemplates { get; init; }
    [Id(5)] public string? TemplateSelectionExpression { get; init; }
}
