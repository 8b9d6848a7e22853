using System.Collections.Frozen;
using OrleansGateway.Errors;
using OrleansGateway.Storage;

namespace OrleansGateway.HttpApis;

public sealed partial class ApiGrain
{
    private static readonly FrozenSet<string> HttpRouteMethods =
        FrozenSet.Create(StringComparer.Ordinal, "ANY", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    public async Task<RouteDefinition> CreateRoute(RouteInput input)
    {
        _ = Api;
        if (string.IsNullOrEmpty(input.RouteKey))
        {
            throw ApiErrors.Required("routeKey");
        }

        CheckRouteKey(input.RouteKey, exceptRouteId: null);
        CheckTarget(input.Target);
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

    // HTTP APIs take "$default" or "METHOD /path"; WebSocket route keys are free-form.
    private void CheckRouteKey(string routeKey, string? exceptRouteId)
    {
        if (IsHttp && routeKey != DefaultStageName)
        {
            var parts = routeKey.Split(' ');
            if (parts.Length != 2 || !HttpRouteMethods.Contains(parts[0]) || !parts[1].StartsWith('/'))
            {
                throw ApiGatewayException.BadRequest(
                    $"Invalid route key: {routeKey}. A route key is '$default' or an HTTP method and a path starting with '/', such as 'GET /pets'.");
            }
        }

        if (state.State.Routes.Values.Any(r => r.RouteKey == routeKey && r.RouteId != exceptRouteId))
        {
            throw ApiGatewayException.Conflict($"Unable to create route {routeKey}. A route with this key already exists in API {ApiId}.");
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
