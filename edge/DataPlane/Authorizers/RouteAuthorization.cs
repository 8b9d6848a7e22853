using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrleansGateway.Authorization;
using OrleansGateway.Mapping.HttpApi;
using OrleansGateway.Routing;

namespace OrleansGateway.Edge.DataPlane.Authorizers;

/// <summary>
/// The authorization step of an HTTP API route, as AWS documents it for each <c>authorizationType</c>:
/// <list type="bullet">
/// <item><c>JWT</c>: the token from the identity source (bare or after <c>Bearer </c>), its signature by
/// the issuer's keys (RSA only, matched by <c>kid</c>), <c>iss</c>, <c>aud</c> or else <c>client_id</c>,
/// <c>exp</c>, <c>nbf</c>, <c>iat</c>, then the route's scopes. Refusals are 401, or 403 for a missing scope.</item>
/// <item><c>CUSTOM</c> (Lambda authorizer): a request without the identity sources is 401 before any
/// Lambda would be called; otherwise the authorizer cannot be invoked here, and AWS answers an
/// authorizer that cannot be invoked with 500.</item>
/// <item><c>AWS_IAM</c>: SigV4 with IAM policies is not evaluated; 403, as for a request AWS cannot authenticate.</item>
/// </list>
/// </summary>
public sealed partial class RouteAuthorization(JwtKeyCache keys, AuthorizerOptions options, ILogger<RouteAuthorization> logger)
{
    // "Currently, only RSA-based algorithms are supported" (AWS, Controlling access to HTTP APIs with JWT authorizers).
    private static readonly string[] RsaAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
    ];

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public ValueTask<AuthorizationDecision> AuthorizeAsync(HttpContext context, StageRoutingTable table, CompiledRoute route)
    {
        switch (route.AuthorizationType)
        {
            case "JWT" when route.Authorizer is { IsJwt: true } authorizer:
                return AuthorizeJwtAsync(context, table, route, authorizer);
            case "CUSTOM" when route.Authorizer is { IsJwt: false } authorizer:
                return ValueTask.FromResult(AuthorizeLambda(context, table, route, authorizer));
            // These configuration faults were logged once, when the table was compiled.
            case "AWS_IAM":
                return ValueTask.FromResult(AuthorizationDecision.Refuse(GatewayResponse.Forbidden));
            default:
                return ValueTask.FromResult(AuthorizationDecision.Refuse(GatewayResponse.InternalServerError));
        }
    }

    private async ValueTask<AuthorizationDecision> AuthorizeJwtAsync(HttpContext context, StageRoutingTable table, CompiledRoute route, CompiledAuthorizer authorizer)
    {
        if (authorizer.TokenSource is not { } tokenSource)
        {
            return AuthorizationDecision.Refuse(GatewayResponse.InternalServerError);
        }

        var token = BearerToken.Extract(IdentityValue(context, table, tokenSource));
        if (token.Length == 0)
        {
            return AuthorizationDecision.Refuse(GatewayResponse.Unauthorized, JwtChallenge.Missing);
        }

        if (authorizer.Issuer is not { Length: > 0 } issuer)
        {
            return Invalid("the authorizer has no issuer");
        }

        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenMalformedException)
        {
            return Invalid("the token is malformed");
        }

        var signingKeys = await keys.GetAsync(issuer, jwt.Kid, context.RequestAborted);
        if (signingKeys is null)
        {
            Log.IssuerUnavailable(logger, table.ApiId, authorizer.AuthorizerId, issuer);
            return Invalid("the signing keys of the issuer could not be fetched");
        }

        var result = await _handler.ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidateAudience = false,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = options.JwtClockSkew,
            IssuerSigningKeys = signingKeys.Keys,
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = RsaAlgorithms,
        });
        if (!result.IsValid)
        {
            return Invalid(Describe(result.Exception));
        }

        if (jwt.IssuedAt > DateTime.UnixEpoch && jwt.IssuedAt > DateTime.UtcNow + options.JwtClockSkew)
        {
            return Invalid("the token was issued in the future");
        }

        var clientId = jwt.TryGetPayloadValue<string>("client_id", out var value) ? value : null;
        if (!JwtAudience.Matches(authorizer.Audiences, [.. jwt.Audiences], clientId))
        {
            return Invalid("the token does not have a valid audience");
        }

        var granted = jwt.Claims.Where(c => c.Type is "scope" or "scp").Select(c => c.Value);
        if (!AuthorizationScopes.AnyGranted(route.AuthorizationScopes, granted))
        {
            return AuthorizationDecision.Refuse(GatewayResponse.Forbidden, JwtChallenge.InsufficientScope(route.AuthorizationScopes));
        }

        return AuthorizationDecision.Allow(new AuthorizerClaims(jwt.EncodedPayload));
    }

    private AuthorizationDecision AuthorizeLambda(HttpContext context, StageRoutingTable table, CompiledRoute route, CompiledAuthorizer authorizer)
    {
        foreach (var source in authorizer.IdentitySources)
        {
            if (string.IsNullOrEmpty(IdentityValue(context, table, source)))
            {
                return AuthorizationDecision.Refuse(GatewayResponse.Unauthorized);
            }
        }

        return AuthorizationDecision.Refuse(GatewayResponse.InternalServerError);
    }

    private static string? IdentityValue(HttpContext context, StageRoutingTable table, IdentitySource source) => source.Kind switch
    {
        IdentitySourceKind.Header => context.Request.Headers[source.Name] is { Count: > 0 } values ? values.ToString() : null,
        // Query-string names are case-sensitive (AWS), unlike ASP.NET Core's Request.Query.
        IdentitySourceKind.QueryString => QueryParameters.Parse(context.Request.QueryString.Value).Get(source.Name),
        IdentitySourceKind.StageVariable => table.StageVariables.GetValueOrDefault(source.Name),
        // Context variables always exist on AWS, so they never make a Lambda authorizer's request incomplete.
        IdentitySourceKind.Context => source.Name,
        _ => null,
    };

    private static AuthorizationDecision Invalid(string description) =>
        AuthorizationDecision.Refuse(GatewayResponse.Unauthorized, JwtChallenge.InvalidToken(description));

    private static string Describe(Exception? failure) => failure switch
    {
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenNoExpirationException => "the token has no expiration time",
        SecurityTokenInvalidIssuerException => "the token does not have a valid issuer",
        SecurityTokenInvalidAlgorithmException => "the token is not signed with an RSA algorithm",
        SecurityTokenSignatureKeyNotFoundException => "the token is not signed by a known key",
        SecurityTokenInvalidSignatureException => "the token signature is invalid",
        _ => "the token is invalid",
    };

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "API {ApiId}: JWT authorizer {AuthorizerId} has no keys from issuer {Issuer}; requests are refused")]
        public static partial void IssuerUnavailable(ILogger logger, string apiId, string authorizerId, string issuer);
    }
}
