namespace OrleansGateway.RestApis;

/// <summary>An authorizer of a REST API (apigateway <c>Authorizer</c>).</summary>
[GenerateSerializer, Immutable, Alias("gw.RestAuthorizer")]
public sealed record RestAuthorizer
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required string Type { get; init; }
    [Id(3)] public List<string>? ProviderARNs { get; init; }
    [Id(4)] public string? AuthType { get; init; }
    [Id(5)] public string? AuthorizerUri { get; init; }
    [Id(6)] public string? AuthorizerCredentials { get; init; }
    [Id(7)] public string? IdentitySource { get; init; }
    [Id(8)] public string? IdentityValidationExpression { get; init; }
    [Id(9)] public int? AuthorizerResultTtlInSeconds { get; init; }
}
