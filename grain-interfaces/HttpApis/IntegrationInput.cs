namespace OrleansGateway.HttpApis;

/// <summary>The members of apigatewayv2 <c>CreateIntegration</c> / <c>UpdateIntegration</c>; null means "not given".</summary>
[GenerateSerializer, Immutable, Alias("gw.IntegrationInput")]
public sealed record IntegrationInput
{
    [Id(0)] public string? IntegrationType { get; init; }
    [Id(1)] public string? IntegrationUri { get; init; }
    [Id(2)] public string? IntegrationMethod { get; init; }
    [Id(3)] public string? PayloadFormatVersion { get; init; }
    [Id(4)] public int? TimeoutInMillis { get; init; }
    [Id(5)] public string? ConnectionType { get; init; }
    [Id(6)] public string? ConnectionId { get; init; }
    [Id(7)] public string? Description { get; init; }
    [Id(8)] public Dictionary<string, string>? RequestParameters { get; init; }
    [Id(9)] public Dictionary<string, Dictionary<string, string>>? ResponseParameters { get; init; }
    [Id(10)] public Dictionary<string, string>? RequestTemplates { get; init; }
    [Id(11)] public string? TemplateSelectionExpression { get; init; }
    [Id(12)] public string? PassthroughBehavior { get; init; }
    [Id(13)] public string? ContentHandlingStrategy { get; init; }
    [Id(14)] public string? CredentialsArn { get; init; }
    [Id(15)] public string? IntegrationSubtype { get; init; }
    [Id(16)] public TlsConfig? TlsConfig { get; init; }
}
