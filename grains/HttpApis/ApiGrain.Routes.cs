using OrleansGateway.Errors;
using OrleansGateway.Routing;
using OrleansGateway.Storage;

namespace OrleansGateway.HttpApis;

public sealed partial class ApiGrain
{
    public async Task<RouteDefinition> CreateRoute(RouteInput input)
    {
        _ = Api;
        if (string.IsNullOrEmpty(input.RouteKey))
        {
            throw ApiErrors.Required("routeKey");
        }

        CheckRouteKey(input.RouteKey, exceptRouteId: null);
        CheckTarget(input.Target);
        CheckApiKeyRequired(input.ApiKeyRequired);
        var route = CheckRouteAuthorization(new RouteDefinition
        {
            RouteId = ResourceIds.Unique(ResourceIds.Route, state.State.Routes.ContainsKey),
            RouteKey = input.RouteKey,
            Target = input.Target,
            AuthorizationType = input.AuthorizationType ?? "NONE",
            AuthorizerId = input.AuthorizerId,
            AuthorizationScopes = input.AuthorizationScopes,
            ApiKeyRequired = input.ApiKeyRequired ?? false,
            OperationName = input.OperationName,
            ModelSelectionExpression = input.ModelSelectionExpression,
            RequestModels = input.RequestModels,
            RequestParameters = input.RequestParameters,
            RouteResponseSelectionExpression = input.RouteResponseSelectionExpression,
        });
        state.State.Routes[route.RouteId] = route;
        await state.WriteStateOrReloadAsync(this);
        await AutoDeploy();
        return route;
    }

    public Task<RouteDefinition> GetRoute(string routeId) => Task.FromResult(FindRoute(routeId));

    public Task<List<RouteDefinition>> GetRoutes()
    {
        _ = Api;
        return Task.FromResult(state.State.Routes.Values.OrderBy(r => r.RouteId, StringComparer.Ordinal).ToList());
    }

    public async Task<RouteDefinition> UpdateRoute(string routeId, RouteInput input)
    {
        var route = FindRoute(routeId);
        if (input.RouteKey is not null)
        {
            CheckRouteKey(input.RouteKey, exceptRouteId: routeId);
        }

        CheckTarget(input.Target);
        CheckApiKeyRequired(input.ApiKeyRequired);
        route = route with
        {
            RouteKey = input.RouteKey ?? route.RouteKey,
            Target = input.Target ?? route.Target,
            AuthorizationType = input.AuthorizationType ?? route.AuthorizationType,
            AuthorizerId = input.AuthorizerId ?? route.AuthorizerId,
            AuthorizationScopes = input.AuthorizationScopes ?? route.AuthorizationScopes,
            ApiKeyRequired = input.ApiKeyRequired ?? route.ApiKeyRequired,
            OperationName = input.OperationName ?? route.OperationName,
            ModelSelectionExpression = input.ModelSelectionExpression ?? route.ModelSelectionExpression,
            RequestModels = input.RequestModels ?? route.RequestModels,
            RequestParameters = input.RequestParameters ?? route.RequestParameters,
            RouteResponseSelectionExpression = input.RouteResponseSelectionExpression ?? route.RouteResponseSelectionExpression,
        };
        if (input.AuthorizationType is not null || input.AuthorizerId is not null)
        {
            route = CheckRouteAuthorization(route);
        }

        state.State.Routes[routeId] = route;
        await state.WriteStateOrReloadAsync(this);
        await AutoDeploy();
        return route;
    }

    public async Task DeleteRoute(string routeId)
    {
        var route = FindRoute(routeId);
        if (route.ApiGatewayManaged)
        {
            throw ApiGatewayException.BadRequest($"Cannot delete a route managed by API Gateway: {routeId}. Use UpdateApi or DeleteApi instead.");
        }

        state.State.Routes.Remove(routeId);
        state.State.RouteResponses.Remove(routeId);
        await state.WriteStateOrReloadAsync(this);
        await AutoDeploy();
    }

    private RouteDefinition FindRoute(string routeId) =>
        Api is not null && state.State.Routes.TryGetValue(routeId, out var route) ? route : throw ApiErrors.RouteNotFound(ApiId, routeId);

    // HTTP APIs take what the edge compiles (core's RouteKey, the same parser), one route per shape:
    // GET /pets/{id} and GET /pets/{name} would match the same requests. WebSocket route keys are free-form.
    private void CheckRouteKey(string routeKey, string? exceptRouteId)
    {
        var shape = routeKey;
        if (IsHttp)
        {
            if (!RouteKey.TryParse(routeKey, out var key, out var error))
            {
                throw ApiGatewayException.BadRequest(error);
            }

            shape = key.Shape;
        }

        if (state.State.Routes.Values.Any(r => r.RouteId != exceptRouteId && (r.RouteKey == routeKey || IsHttp && ShapeOf(r.RouteKey) == shape)))
        {
            throw ApiGatewayException.Conflict($"Unable to create route {routeKey}. A route with this key already exists in API {ApiId}.");
        }

        static string? ShapeOf(string routeKey) => RouteKey.TryParse(routeKey, out var key) ? key.Shape : null;
    }

    // apigatewayv2's model: apiKeyRequired is "Supported only for WebSocket APIs"; HTTP APIs have no API keys.
    private void CheckApiKeyRequired(bool? apiKeyRequired)
    {
        if (apiKeyRequired == true && IsHttp)
        {
            throw ApiGatewayException.BadRequest("API key required is supported only for WebSocket APIs");
        }
    }

    private void CheckTarget(string? target)
    {
        if (target is null)
        {
            return;
        }

        const string prefix = "integrations/";
        if (!target.StartsWith(prefix, StringComparison.Ordinal) || !state.State.Integrations.ContainsKey(target[prefix.Length..]))
        {
            throw ApiGatewayException.BadRequest($"Invalid target specified: {target}. A target is integrations/{{integrationId}} of an integration of this API.");
        }
    }
}
