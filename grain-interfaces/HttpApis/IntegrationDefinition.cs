namespace OrleansGateway.HttpApis;

/// <summary>An integration (apigatewayv2 <c>Integration</c>).</summary>
[GenerateSerializer, Alias("gw.IntegrationDefinition")]
public sealed record IntegrationDefinition
{
    [Id(0)] public required string IntegrationId { get; init; }
    [Id(1)] public required string IntegrationType { get; init; }
    [Id(2)] public string? IntegrationUri { get; init; }
    [Id(3)] public string? IntegrationMethod { get; init; }
    [Id(4)] public string? PayloadFormatVersion { get; init; }
    [Id(5)] public int? TimeoutInMillis { get; init; }
    [Id(6)] public string? ConnectionType { get; init; }
    [Id(7)] public string? ConnectionId { get; init; }
    [Id(8)] public string? Description { get; init; }
    [Id(9)] public Dictionary<string, string>? RequestParameters { get; init; }
    [Id(10)] public Dictionary<string, Dictionary<string, string>>? ResponseParameters { get; init; }
    [Id(11)] public Dictionary<string, string>? RequestTemplates { get; init; }
    [Id(12)] public string? TemplateSelectionExpression { get; init; }
    [Id(13)] public string? PassthroughBehavior { get; init; }
    [Id(14)] public string? ContentHandlingStrategy { get; init; }
    [Id(15)] public string? CredentialsArn { get; init; }
    [Id(16)] public string? IntegrationSubtype { get; init; }
    [Id(17)] public string? IntegrationResponseSelectionExpression { get; init; }
    [Id(18)] public TlsConfig? TlsConfig { get; init; }
    [Id(19)] public bool ApiGatewayManaged { get; init; }
}
