using OrleansGateway.HttpApis;

namespace OrleansGateway.Authorization;

/// <summary>An authorizer of a deployed stage, parsed once so requests only read it.</summary>
public sealed class CompiledAuthorizer
{
    public const string JwtType = "JWT";

    private CompiledAuthorizer(string authorizerId, string authorizerType, IdentitySource[] identitySources, string? issuer, string[] audiences)
    {
        AuthorizerId = authorizerId;
        AuthorizerType = authorizerType;
        IdentitySources = identitySources;
        Issuer = issuer;
        Audiences = audiences;
    }

    public string AuthorizerId { get; }

    /// <summary><c>JWT</c> or <c>REQUEST</c> (a Lambda authorizer).</summary>
    public string AuthorizerType { get; }

    public bool IsJwt => AuthorizerType == JwtType;

    /// <summary>The parsed identity sources; entries that do not parse are left out.</summary>
    public IReadOnlyList<IdentitySource> IdentitySources { get; }

    /// <summary>
    /// Where a JWT authorizer's token comes from: its one header or query-string identity source, the
    /// Authorization header when it names none, and null when the one it names is not one of those
    /// (the route then fails closed, never falling back to another source).
    /// </summary>
    public IdentitySource? TokenSource { get; private init; }

    /// <summary>The JWT issuer (<c>jwtConfiguration.issuer</c>): a token's <c>iss</c> must equal it exactly.</summary>
    public string? Issuer { get; }

    public IReadOnlyList<string> Audiences { get; }

    public static CompiledAuthorizer Compile(AuthorizerDefinition definition)
    {
        var sources = new List<IdentitySource>();
        foreach (var expression in definition.IdentitySource ?? [])
        {
            if (IdentitySource.TryParse(expression, out var source))
            {
                sources.Add(source);
            }
        }

        var named = definition.IdentitySource is { Count: > 0 };
        return new CompiledAuthorizer(definition.AuthorizerId, definition.AuthorizerType, [.. sources],
            definition.JwtConfiguration?.Issuer, [.. definition.JwtConfiguration?.Audience ?? []])
        {
            TokenSource = !named ? IdentitySource.DefaultJwt
                : sources is [{ Kind: IdentitySourceKind.Header or IdentitySourceKind.QueryString } only] ? only : null,
        };
    }
}
