namespace OrleansGateway.RestApis;

/// <summary>The body of CreateAuthorizer. Member names are the wire names.</summary>
[GenerateSerializer, Immutable, Alias("gw.RestAuthorizerInput")]
public sealed record RestAuthorizerInput
{
    [Id(0)] public string? Name { get; init; }
    [Id(1)] public string? Type { get; init; }
    [Id(2)] public List<string>? ProviderARNs { get; init; }
    [Id(3)] public string? AuthType { get; init; }
    [Id(4)] public string? AuthorizerUri { get; init; }
    [Id(5)] public string? AuthorizerCredentials { get; init; }
    [Id(6)] public string? IdentitySource { get; init; }
    [Id(7)] public string? IdentityValidationExpression { get; init; }
    [Id(8)] public int? AuthorizerResultTtlInSeconds { get; init; }
}
