using OrleansGateway.Authorization;
using OrleansGateway.Errors;
using OrleansGateway.Storage;

namespace OrleansGateway.HttpApis;

public sealed partial class ApiGrain
{
    private const string JwtAuthorizer = "JWT";
    private const string RequestAuthorizer = "REQUEST";

    public async Task<AuthorizerDefinition> CreateAuthorizer(AuthorizerInput input)
    {
        _ = Api;
        if (string.IsNullOrEmpty(input.Name))
        {
            throw ApiErrors.Required("name");
        }

        if (string.IsNullOrEmpty(input.AuthorizerType))
        {
            throw ApiErrors.Required("authorizerType");
        }

        var authorizer = CheckAuthorizer(new AuthorizerDefinition
        {
            AuthorizerId = ResourceIds.Unique(ResourceIds.Authorizer, state.State.Authorizers.ContainsKey),
            Name = input.Name,
            AuthorizerType = input.AuthorizerType,
            IdentitySource = input.IdentitySource,
            JwtConfiguration = input.JwtConfiguration,
            AuthorizerUri = input.AuthorizerUri,
            AuthorizerCredentialsArn = input.AuthorizerCredentialsArn,
            AuthorizerPayloadFormatVersion = input.AuthorizerPayloadFormatVersion,
            AuthorizerResultTtlInSeconds = input.AuthorizerResultTtlInSeconds,
            EnableSimpleResponses = input.EnableSimpleResponses,
            IdentityValidationExpression = input.IdentityValidationExpression,
        });
        state.State.Authorizers[authorizer.AuthorizerId] = authorizer;
        await state.WriteStateOrReloadAsync(this);
        return authorizer;
    }

    public Task<AuthorizerDefinition> GetAuthorizer(string authorizerId) => Task.FromResult(FindAuthorizer(authorizerId));

    public Task<List<AuthorizerDefinition>> GetAuthorizers()
    {
        _ = Api;
        return Task.FromResult(state.State.Authorizers.Values.OrderBy(a => a.AuthorizerId, StringComparer.Ordinal).ToList());
    }

    public async Task<AuthorizerDefinition> UpdateAuthorizer(string authorizerId, AuthorizerInput input)
    {
        var authorizer = FindAuthorizer(authorizerId);
        if (input.Name is "")
        {
            throw ApiErrors.Required("name");
        }

        // A route's authorizationType names the kind of its authorizer (JWT or CUSTOM); changing the kind
        // under a route would leave the route unservable.
        if (input.AuthorizerType is { } type && !string.Equals(type, authorizer.AuthorizerType, StringComparison.Ordinal)
            && state.State.Routes.Values.Any(route => route.AuthorizerId == authorizerId))
        {
            throw ApiGatewayException.BadRequest($"Authorizer {authorizerId} is used by routes; its type cannot change from {authorizer.AuthorizerType} to {type}");
        }

        authorizer = CheckAuthorizer(authorizer with
        {
            Name = input.Name ?? authorizer.Name,
            AuthorizerType = input.AuthorizerType ?? authorizer.AuthorizerType,
            IdentitySource = input.IdentitySource ?? authorizer.IdentitySource,
            JwtConfiguration = input.JwtConfiguration ?? authorizer.JwtConfiguration,
            AuthorizerUri = input.AuthorizerUri ?? authorizer.AuthorizerUri,
            AuthorizerCredentialsArn = input.AuthorizerCredentialsArn ?? authorizer.AuthorizerCredentialsArn,
            AuthorizerPayloadFormatVersion = input.AuthorizerPayloadFormatVersion ?? authorizer.AuthorizerPayloadFormatVersion,
            AuthorizerResultTtlInSeconds = input.AuthorizerResultTtlInSeconds ?? authorizer.AuthorizerResultTtlInSeconds,
            EnableSimpleResponses = input.EnableSimpleResponses ?? authorizer.EnableSimpleResponses,
            IdentityValidationExpression = input.IdentityValidationExpression ?? authorizer.IdentityValidationExpression,
        });
        state.State.Authorizers[authorizerId] = authorizer;
        await state.WriteStateOrReloadAsync(this);

        // Deployments carry the authorizers the edges evaluate, so autoDeploy stages take the change as they do a route's.
        await AutoDeploy();
        return authorizer;
    }

    public async Task DeleteAuthorizer(string authorizerId)
    {
        _ = FindAuthorizer(authorizerId);
        if (state.State.Routes.Values.FirstOrDefault(r => r.AuthorizerId == authorizerId) is { } route)
        {
            throw ApiGatewayException.BadRequest($"Cannot delete authorizer {authorizerId}: it is used by route {route.RouteId} ({route.RouteKey}).");
        }

        state.State.Authorizers.Remove(authorizerId);
        await state.WriteStateOrReloadAsync(this);
    }

    private AuthorizerDefinition FindAuthorizer(string authorizerId) =>
        Api is not null && state.State.Authorizers.TryGetValue(authorizerId, out var authorizer)
            ? authorizer
            : throw ApiErrors.AuthorizerNotFound(ApiId, authorizerId);

    private AuthorizerDefinition CheckAuthorizer(AuthorizerDefinition authorizer)
    {
        if (IsHttp ? authorizer.AuthorizerType is not (JwtAuthorizer or RequestAuthorizer) : authorizer.AuthorizerType != RequestAuthorizer)
        {
            throw ApiGatewayException.BadRequest(IsHttp
                ? $"Invalid authorizer type specified: {authorizer.AuthorizerType}. Must be one of [JWT, REQUEST]"
                : $"Invalid authorizer type specified: {authorizer.AuthorizerType}. WebSocket APIs support only REQUEST authorizers");
        }

        if (authorizer.AuthorizerType == JwtAuthorizer)
        {
            if (string.IsNullOrEmpty(authorizer.JwtConfiguration?.Issuer))
            {
                throw ApiGatewayException.BadRequest("A JWT authorizer needs a JwtConfiguration with an Issuer");
            }

            if (authorizer.IdentitySource is not [var expression]
                || !IdentitySource.TryParse(expression, out var source)
                || source.Kind is not (IdentitySourceKind.Header or IdentitySourceKind.QueryString))
            {
                throw ApiGatewayException.BadRequest("A JWT authorizer takes exactly one identity source, $request.header.name or $request.querystring.name, such as $request.header.Authorization");
            }
        }
        else
        {
            if (string.IsNullOrEmpty(authorizer.AuthorizerUri))
            {
                throw ApiGatewayException.BadRequest("A REQUEST authorizer needs an authorizerUri");
            }

            if (IsHttp && authorizer.AuthorizerPayloadFormatVersion is not ("1.0" or "2.0"))
            {
                throw ApiGatewayException.BadRequest("The authorizer payload format version of an HTTP API REQUEST authorizer must be 1.0 or 2.0");
            }

            if (authorizer.EnableSimpleResponses == true && authorizer.AuthorizerPayloadFormatVersion != "2.0")
            {
                throw ApiGatewayException.BadRequest("Simple responses are supported only with authorizer payload format version 2.0");
            }
        }

        if (authorizer.AuthorizerResultTtlInSeconds is < 0 or > 3600)
        {
            throw ApiGatewayException.BadRequest("The authorizer result TTL must be between 0 and 3600 seconds");
        }

        return authorizer;
    }

    // A route that authorizes with JWT or CUSTOM names an authorizer of this API of the matching type.
    private RouteDefinition CheckRouteAuthorization(RouteDefinition route)
    {
        var type = route.AuthorizationType ?? "NONE";
        string[] allowed = IsHttp ? ["NONE", "JWT", "AWS_IAM", "CUSTOM"] : ["NONE", "AWS_IAM", "CUSTOM"];
        if (!allowed.Contains(type))
        {
            throw ApiGatewayException.BadRequest($"Invalid authorization type specified: {type}. Must be one of [{string.Join(", ", allowed)}]");
        }

        if (type is "NONE" or "AWS_IAM")
        {
            return route with { AuthorizerId = null, AuthorizationScopes = null };
        }

        if (route.AuthorizerId is null)
        {
            throw ApiGatewayException.BadRequest($"An authorizer ID is required for authorization type {type}");
        }

        if (!state.State.Authorizers.TryGetValue(route.AuthorizerId, out var authorizer))
        {
            throw ApiGatewayException.BadRequest($"Invalid authorizer ID specified: {route.AuthorizerId}");
        }

        if ((type == "JWT") != (authorizer.AuthorizerType == JwtAuthorizer))
        {
            throw ApiGatewayException.BadRequest($"Authorization type {type} does not match the type of authorizer {authorizer.AuthorizerId} ({authorizer.AuthorizerType})");
        }

        return route;
    }
}
