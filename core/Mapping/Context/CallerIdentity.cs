namespace OrleansGateway.Mapping.Context;

/// <summary>
/// Who called, as <c>$context.identity.*</c> shows it. Everything but the source IP is optional
/// because AWS fills each field only when the matching mechanism (API key, SigV4, Cognito
/// identity pool, mutual TLS, private endpoint) took part in the request.
/// </summary>
public sealed record CallerIdentity
{
    /// <summary>The TCP peer address; AWS warns it is not to be trusted behind a forged X-Forwarded-For.</summary>
    public string? SourceIp { get; init; }

    public string? UserAgent { get; init; }

    public string? AccountId { get; init; }

    /// <summary>Null unless the method requires an API key, as AWS leaves it.</summary>
    public string? ApiKey { get; init; }

    public string? ApiKeyId { get; init; }

    public string? Caller { get; init; }

    public string? User { get; init; }

    public string? UserArn { get; init; }

    public string? CognitoAuthenticationProvider { get; init; }

    public string? CognitoAuthenticationType { get; init; }

    public string? CognitoIdentityId { get; init; }

    public string? CognitoIdentityPoolId { get; init; }

    public string? PrincipalOrgId { get; init; }

    public string? VpcId { get; init; }

    public string? VpceId { get; init; }

    /// <summary>The certificate a client presented under mutual TLS; null without it.</summary>
    public ClientCertificateInfo? ClientCert { get; init; }
}
