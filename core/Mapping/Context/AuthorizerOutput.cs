namespace OrleansGateway.Mapping.Context;

/// <summary>
/// What an authorizer let through, behind <c>$context.authorizer.*</c>: a Lambda authorizer's
/// <c>principalId</c> and <c>context</c> map (values are strings, numbers or booleans, as the function
/// returned them), or a Cognito user pool's token claims.
/// </summary>
public sealed record AuthorizerOutput
{
    public string? PrincipalId { get; init; }

    /// <summary>Cognito user pool claims, read as <c>$context.authorizer.claims.sub</c>; null for Lambda authorizers.</summary>
    public IReadOnlyDictionary<string, string>? Claims { get; init; }

    /// <summary>The Lambda authorizer's <c>context</c> map; each value appears as <c>$context.authorizer.key</c>.</summary>
    public IReadOnlyDictionary<string, object?>? Context { get; init; }
}
