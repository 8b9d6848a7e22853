using OrleansGateway.Mapping.GatewayResponses;

namespace OrleansGateway.Mapping.Context;

/// <summary>
/// The facts of one REST API request that <c>$context</c> exposes, gathered by the data plane once
/// and turned into the tree by <see cref="ContextVariables.Rest"/>. Optional members stay null when
/// the feature behind them (WAF, canary, X-Ray, an authorizer, an error) did not take part.
/// </summary>
public sealed record RestContextInputs
{
    public required string ApiId { get; init; }

    public required string Stage { get; init; }

    public required string RequestId { get; init; }

    public string? ExtendedRequestId { get; init; }

    /// <summary>The API owner's account; AWS shows the real one, a self-hosted gateway its configured one.</summary>
    public string? AccountId { get; init; }

    public string? DeploymentId { get; init; }

    public string? ResourceId { get; init; }

    /// <summary>The resource's template path, <c>/pets/{petId}</c>.</summary>
    public string? ResourcePath { get; init; }

    public string? HttpMethod { get; init; }

    /// <summary>The request path including the stage, <c>/prod/pets/7</c>, as AWS shows it.</summary>
    public string? Path { get; init; }

    public string? Protocol { get; init; }

    /// <summary>The Host the client called; <c>$context.domainPrefix</c> is its first label.</summary>
    public string? DomainName { get; init; }

    public DateTimeOffset RequestTime { get; init; }

    public CallerIdentity Identity { get; init; } = new();

    public AuthorizerOutput? Authorizer { get; init; }

    /// <summary>Null when the stage has no canary, as AWS leaves the variable out then.</summary>
    public bool? IsCanaryRequest { get; init; }

    /// <summary>The failure a gateway response is being rendered for; null on the normal path.</summary>
    public GatewayError? Error { get; init; }

    public string? AwsEndpointRequestId { get; init; }

    public string? WafResponseCode { get; init; }

    public string? WebAclArn { get; init; }

    public string? XrayTraceId { get; init; }
}
