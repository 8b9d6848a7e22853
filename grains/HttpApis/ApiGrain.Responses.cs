using OrleansGateway.Errors;
using OrleansGateway.Storage;
using OrleansGateway.WebSockets;

namespace OrleansGateway.HttpApis;

/// <summary>
/// Route responses and integration responses: WebSocket API resources (HTTP APIs have neither,
/// and are refused with BadRequest). Stored with the API; deleting a route or an integration
/// deletes its responses.
/// </summary>
public sealed partial class ApiGrain
{
    public async Task<RouteResponseDefinition> CreateRouteResponse(string routeId, RouteResponseInput input)
    {
        var responses = RouteResponsesOf(routeId);
        if (string.IsNullOrEmpty(input.RouteResponseKey))
        {
            throw ApiErrors.Required("routeResponseKey");
        }

        CheckRouteResponseKey(responses, input.RouteResponseKey, exceptId: null);
        var response = new RouteResponseDefinition
        {
            RouteResponseId = ResourceIds.Unique(ResourceIds.Response, responses.ContainsKey),
            RouteResponseKey = input.RouteResponseKey,
            ModelSelectionExpression = input.ModelSelectionExpression,
            ResponseModels = input.ResponseModels,
            ResponseParameters = input.ResponseParameters,
        };
        responses[response.RouteResponseId] = response;
        state.State.RouteResponses[routeId] = responses;
        await state.WriteStateOrReloadAsync(this);
        return response;
    }

    public Task<RouteResponseDefinition> GetRouteResponse(string routeId, string routeResponseId) =>
        Task.FromResult(FindRouteResponse(routeId, routeResponseId));

    public Task<List<RouteResponseDefinition>> GetRouteResponses(string routeId) =>
        Task.FromResult(RouteResponsesOf(routeId).Values.OrderBy(r => r.RouteResponseId, StringComparer.Ordinal).ToList());

    public async Task<RouteResponseDefinition> UpdateRouteResponse(string routeId, string routeResponseId, RouteResponseInput input)
    {
        var response = FindRouteResponse(routeId, routeResponseId);
        var responses = RouteResponsesOf(routeId);
        if (input.RouteResponseKey is not null)
        {
            CheckRouteResponseKey(responses, input.RouteResponseKey, exceptId: routeResponseId);
        }

        response = response with
        {
            RouteResponseKey = input.RouteResponseKey ?? response.RouteResponseKey,
            ModelSelectionExpression = input.ModelSelectionExpression ?? response.ModelSelectionExpression,
            ResponseModels = input.ResponseModels ?? response.ResponseModels,
            ResponseParameters = input.ResponseParameters ?? response.ResponseParameters,
        };
        responses[routeResponseId] = response;
        state.State.RouteResponses[routeId] = responses;
        await state.WriteStateOrReloadAsync(this);
        return response;
    }

    public async Task DeleteRouteResponse(string routeId, string routeResponseId)
    {
        _ = FindRouteResponse(routeId, routeResponseId);
        state.State.RouteResponses[routeId].Remove(routeResponseId);
        await state.WriteStateOrReloadAsync(this);
    }

    public async Task<IntegrationResponseDefinition> CreateIntegrationResponse(string integrationId, IntegrationResponseInput input)
    {
        var responses = IntegrationResponsesOf(integrationId);
        if (string.IsNullOrEmpty(input.IntegrationResponseKey))
        {
            throw ApiErrors.Required("integrationResponseKey");
        }

        CheckIntegrationResponseKey(responses, input.IntegrationResponseKey, exceptId: null);
        var response = new IntegrationResponseDefinition
        {
            IntegrationResponseId = ResourceIds.Unique(ResourceIds.Response, responses.ContainsKey),
            IntegrationResponseKey = input.IntegrationResponseKey,
            ContentHandlingStrategy = input.ContentHandlingStrategy,
            ResponseParameters = input.ResponseParameters,
            ResponseTemplates = input.ResponseTemplates,
            TemplateSelectionExpression = input.TemplateSelectionExpression,
        };
        responses[response.IntegrationResponseId] = response;
        state.State.IntegrationResponses[integrationId] = responses;
        await state.WriteStateOrReloadAsync(this);
        return response;
    }

    public Task<IntegrationResponseDefinition> GetIntegrationResponse(string integrationId, string integrationResponseId) =>
        Task.FromResult(FindIntegrationResponse(integrationId, integrationResponseId));

    public Task<List<IntegrationResponseDefinition>> GetIntegrationResponses(string integrationId) =>
        Task.FromResult(IntegrationResponsesOf(integrationId).Values.OrderBy(r => r.IntegrationResponseId, StringComparer.Ordinal).ToList());

    public async Task<IntegrationResponseDefinition> UpdateIntegrationResponse(string integrationId, string integrationResponseId, IntegrationResponseInput input)
    {
        var response = FindIntegrationResponse(integrationId, integrationResponseId);
        var responses = IntegrationResponsesOf(integrationId);
        if (input.IntegrationResponseKey is not null)
        {
            CheckIntegrationResponseKey(responses, input.IntegrationResponseKey, exceptId: integrationResponseId);
        }

        response = response with
        {
            IntegrationResponseKey = input.IntegrationResponseKey ?? response.IntegrationResponseKey,
            ContentHandlingStrategy = input.ContentHandlingStrategy ?? response.ContentHandlingStrategy,
            ResponseParameters = input.ResponseParameters ?? response.ResponseParameters,
            ResponseTemplates = input.ResponseTemplates ?? response.ResponseTemplates,
            TemplateSelectionExpression = input.TemplateSelectionExpression ?? response.TemplateSelectionExpression,
        };
        responses[integrationResponseId] = response;
        state.State.IntegrationResponses[integrationId] = responses;
        await state.WriteStateOrReloadAsync(this);
        return response;
    }

    public async Task DeleteIntegrationResponse(string integrationId, string integrationResponseId)
    {
        _ = FindIntegrationResponse(integrationId, integrationResponseId);
        state.State.IntegrationResponses[integrationId].Remove(integrationResponseId);
        await state.WriteStateOrReloadAsync(this);
    }

    public async Task DeleteRouteRequestParameter(string routeId, string requestParameterKey)
    {
        var route = FindRoute(routeId);
        if (route.RequestParameters is not { } parameters || !parameters.ContainsKey(requestParameterKey))
        {
            throw ApiGatewayException.NotFound($"Invalid request parameter key specified: {requestParameterKey}");
        }

        var remaining = new Dictionary<string, ParameterConstraints>(parameters);
        remaining.Remove(requestParameterKey);
        state.State.Routes[routeId] = route with { RequestParameters = remaining };
        await state.WriteStateOrReloadAsync(this);
        await AutoDeploy();
    }

    private Dictionary<string, RouteResponseDefinition> RouteResponsesOf(string routeId)
    {
        _ = FindRoute(routeId);
        RequireWebSocket("Route responses");
        return state.State.RouteResponses.TryGetValue(routeId, out var responses) ? responses : [];
    }

    private Dictionary<string, IntegrationResponseDefinition> IntegrationResponsesOf(string integrationId)
    {
        _ = FindIntegration(integrationId);
        RequireWebSocket("Integration responses");
        return state.State.IntegrationResponses.TryGetValue(integrationId, out var responses) ? responses : [];
    }

    private RouteResponseDefinition FindRouteResponse(string routeId, string routeResponseId) =>
        RouteResponsesOf(routeId).TryGetValue(routeResponseId, out var response)
            ? response
            : throw ApiErrors.RouteResponseNotFound(ApiId, routeId, routeResponseId);

    private IntegrationResponseDefinition FindIntegrationResponse(string integrationId, string integrationResponseId) =>
        IntegrationResponsesOf(integrationId).TryGetValue(integrationResponseId, out var response)
            ? response
            : throw ApiErrors.IntegrationResponseNotFound(ApiId, integrationId, integrationResponseId);

    private void RequireWebSocket(string what)
    {
        if (IsHttp)
        {
            throw ApiGatewayException.BadRequest($"{what} are supported only for WebSocket APIs");
        }
    }

    // A WebSocket route has one response, $default, which is all API Gateway supports.
    private static void CheckRouteResponseKey(Dictionary<string, RouteResponseDefinition> responses, string key, string? exceptId)
    {
        if (key != "$default")
        {
            throw ApiGatewayException.BadRequest($"Invalid route response key: {key}. Only $default is supported");
        }

        if (responses.Values.Any(r => r.RouteResponseKey == key && r.RouteResponseId != exceptId))
        {
            throw ApiGatewayException.Conflict($"A route response with key {key} already exists");
        }
    }

    private static void CheckIntegrationResponseKey(Dictionary<string, IntegrationResponseDefinition> responses, string key, string? exceptId)
    {
        if (WebSocketIntegrationRules.CheckIntegrationResponseKey(key) is { } invalid)
        {
            throw ApiGatewayException.BadRequest(invalid);
        }

        if (responses.Values.Any(r => r.IntegrationResponseKey == key && r.IntegrationResponseId != exceptId))
        {
            throw ApiGatewayException.Conflict($"An integration response with key {key} already exists");
        }
    }
}
