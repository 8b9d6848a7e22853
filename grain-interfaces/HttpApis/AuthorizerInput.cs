namespace OrleansGateway.HttpApis;

/// <summary>The members of apigatewayv2 <c>CreateAuthorizer</c> / <c>UpdateAuthorizer</c>; null means "not given".</summary>
[GenerateSerializer, Immutable, Alias("gw.AuthorizerInput")]
public sealed record AuthorizerInput
{
    [Id(0)] public string? Name { get; init; }
    [Id(1)] public string? AuthorizerType { get; init; }
    [Id(2)] public List<string>? IdentitySource { get; init; }
    [Id(3)] public JwtConfiguration? JwtConfiguration { get; init; }
    [Id(4)] public string? AuthorizerUri { get; init; }
    [Id(5)] public string? AuthorizerCredentialsArn { get; init; }
    [Id(6)] public string? AuthorizerPayloadFormatVersion { get; init; }
    [Id(7)] public int? AuthorizerResultTtlInSeconds { get; init; }
    [Id(8)] public bool? EnableSimpleResponses { get; init; }
    [Id(9)] public string? IdentityValidationExpression { get; init; }
}
