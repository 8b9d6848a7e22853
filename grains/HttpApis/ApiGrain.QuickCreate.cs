using OrleansGateway.Errors;

namespace OrleansGateway.HttpApis;

// Quick create (CreateApi with target): one integration, one route and the $default stage,
// all managed by API Gateway; UpdateApi with target or routeKey changes them.
public sealed partial class ApiGrain
{
    private void QuickCreateRouteAndIntegration(string target, string routeKey, string? credentialsArn)
    {
        CheckRouteKey(routeKey, exceptRouteId: null);
        var integration = CheckIntegration(QuickIntegration(
            ResourceIds.Unique(ResourceIds.Integration, state.State.Integrations.ContainsKey), target, credentialsArn));
        state.State.Integrations[integration.IntegrationId] = integration;
        var route = new RouteDefinition
        {
            RouteId = ResourceIds.Unique(ResourceIds.Route, state.State.Routes.ContainsKey),
            RouteKey = routeKey,
            Target = "integrations/" + integration.IntegrationId,
            AuthorizationType = "NONE",
            ApiGatewayManaged = true,
        };
        state.State.Routes[route.RouteId] = route;
    }

    // Everything is checked before anything changes, so a refused update leaves the API as it was.
    private void QuickUpdateRouteAndIntegration(ApiInput input)
    {
        IntegrationDefinition? integration = null;
        RouteDefinition? route = null;
        if (input.Target is not null)
        {
            var current = state.State.Integrations.Values.FirstOrDefault(i => i.ApiGatewayManaged) ?? throw NotQuickCreated();
            integration = CheckIntegration(QuickIntegration(current.IntegrationId, input.Target, input.CredentialsArn ?? current.CredentialsArn));
        }

        if (input.RouteKey is not null)
        {
            var current = state.State.Routes.Values.FirstOrDefault(r => r.ApiGatewayManaged) ?? throw NotQuickCreated();
            CheckRouteKey(input.RouteKey, exceptRouteId: current.RouteId);
            route = current with { RouteKey = input.RouteKey };
        }

        if (integration is not null)
        {
            state.State.Integrations[integration.IntegrationId] = integration;
        }

        if (route is not null)
        {
            state.State.Routes[route.RouteId] = route;
        }
    }

    private static ApiGatewayException NotQuickCreated() =>
        ApiGatewayException.BadRequest("Target and route key can only be updated on an API made by quick create; use UpdateIntegration or UpdateRoute instead.");

    // A Lambda ARN becomes an AWS_PROXY integration (payload 2.0), a URL an HTTP_PROXY one (payload 1.0).
    private static IntegrationDefinition QuickIntegration(string integrationId, string target, string? credentialsArn)
    {
        var lambda = target.StartsWith("arn:", StringComparison.Ordinal);
        return new IntegrationDefinition
        {
            IntegrationId = integrationId,
            IntegrationType = lambda ? "AWS_PROXY" : "HTTP_PROXY",
            IntegrationUri = target,
            IntegrationMethod = lambda ? "POST" : "ANY",
            PayloadFormatVersion = lambda ? "2.0" : "1.0",
            TimeoutInMillis = DefaultTimeoutInMillis,
            ConnectionType = "INTERNET",
            CredentialsArn = credentialsArn,
            ApiGatewayManaged = true,
        };
    }
}
