namespace OrleansGateway.HttpApis;

/// <summary>The members of apigatewayv2 <c>CreateIntegrationResponse</c> / <c>UpdateIntegrationResponse</c>; null means "not given".</summary>
[GenerateSerializer, Immutable, Alias("gw.IntegrationResponseInput")]
public sealed record IntegrationResponseInput
{
    [Id(0)] public string? IntegrationResponseKey { get; init; }
    [Id(1)] public string? ContentHandlingStrategy { get; init; }
    [Id(2)] public Dictionary<string, string>? ResponseParameters { get; init; }
    [Id(3)] public Dictionary<string, string>? ResponseTemplates { get; init; }
    [Id(4)] public string? TemplateSelectionExpression { get; init; }
}
