namespace OrleansGateway.HttpApis;

/// <summary>An authorizer (apigatewayv2 <c>Authorizer</c>): JWT or Lambda (REQUEST). Member names are the wire names.</summary>
[GenerateSerializer, Alias("gw.AuthorizerDefinition")]
public sealed record AuthorizerDefinition
{
    [Id(0)] public required string AuthorizerId { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required string AuthorizerType { get; init; }
    [Id(3)] public List<string>? IdentitySource { get; init; }
    [Id(4)] public JwtConfiguration? JwtConfiguration { get; init; }
    [Id(5)] public string? AuthorizerUri { get; init; }
    [Id(6)] public string? AuthorizerCredentialsArn { get; init; }
    [Id(7)] public string? AuthorizerPayloadFormatVersion { get; init; }
    [Id(8)] public int? AuthorizerResultTtlInSeconds { get; init; }
    [Id(9)] public bool? EnableSimpleResponses { get; init; }
    [Id(10)] public string? IdentityValidationExpression { get; init; }
}
