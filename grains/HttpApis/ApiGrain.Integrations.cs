using OrleansGateway.Errors;
using OrleansGateway.Integrations;
using OrleansGateway.Storage;
using OrleansGateway.WebSockets;

namespace OrleansGateway.HttpApis;

public sealed partial class ApiGrain
{
    private const int DefaultTimeoutInMillis = 30_000;
    private const int DefaultWebSocketTimeoutInMillis = 29_000;

    public async Task<IntegrationDefinition> CreateIntegration(IntegrationInput input)
    {
        _ = Api;
        if (string.IsNullOrEmpty(input.IntegrationType))
        {
            throw ApiErrors.Required("integrationType");
        }

        var integration = CheckIntegration(new IntegrationDefinition
        {
            IntegrationId = ResourceIds.Unique(ResourceIds.Integration, state.State.Integrations.ContainsKey),
            IntegrationType = input.IntegrationType,
            IntegrationUri = input.IntegrationUri,
            IntegrationMethod = input.IntegrationMethod ?? DefaultIntegrationMethod(input.IntegrationType),
            PayloadFormatVersion = input.PayloadFormatVersion ?? DefaultPayloadFormatVersion(input.IntegrationType),
            TimeoutInMillis = input.TimeoutInMillis ?? (IsHttp ? DefaultTimeoutInMillis : DefaultWebSocketTimeoutInMillis),
            ConnectionType = input.ConnectionType ?? "INTERNET",
            ConnectionId = input.ConnectionId,
            Description = input.Description,
            RequestParameters = input.RequestParameters,
            ResponseParameters = input.ResponseParameters,
            RequestTemplates = input.RequestTemplates,
            TemplateSelectionExpression = input.TemplateSelectionExpression,
            PassthroughBehavior = input.PassthroughBehavior,
            ContentHandlingStrategy = input.ContentHandlingStrategy,
            CredentialsArn = input.CredentialsArn,
            IntegrationSubtype = input.IntegrationSubtype,
            TlsConfig = input.TlsConfig,
            IntegrationResponseSelectionExpression = !IsHttp && input.IntegrationType == "MOCK" ? "${integration.response.statuscode}" : null,
        });
        state.State.Integrations[integration.IntegrationId] = integration;
        await state.WriteStateOrReloadAsync(this);
        await AutoDeploy();
        return integration;
    }

    public Task<IntegrationDefinition> GetIntegration(string integrationId) => Task.FromResult(FindIntegration(integrationId));

    public Task<List<IntegrationDefinition>> GetIntegrations()
    {
        _ = Api;
        return Task.FromResult(state.State.Integrations.Values.OrderBy(i => i.IntegrationId, StringComparer.Ordinal).ToList());
    }

    public async Task<IntegrationDefinition> UpdateIntegration(string integrationId, IntegrationInput input)
    {
        var integration = FindIntegration(integrationId);
        integration = CheckIntegration(integration with
        {
            IntegrationType = input.IntegrationType ?? integration.IntegrationType,
            IntegrationUri = input.IntegrationUri ?? integration.IntegrationUri,
            IntegrationMethod = input.IntegrationMethod ?? integration.IntegrationMethod,
            PayloadFormatVersion = input.PayloadFormatVersion ?? integration.PayloadFormatVersion,
            TimeoutInMillis = input.TimeoutInMillis ?? integration.TimeoutInMillis,
            ConnectionType = input.ConnectionType ?? integration.ConnectionType,
            ConnectionId = input.ConnectionId ?? integration.ConnectionId,
            Description = input.Description ?? integration.Description,
            RequestParameters = input.RequestParameters ?? integration.RequestParameters,
            ResponseParameters = input.ResponseParameters ?? integration.ResponseParameters,
            RequestTemplates = input.RequestTemplates ?? integration.RequestTemplates,
            TemplateSelectionExpression = input.TemplateSelectionExpression ?? integration.TemplateSelectionExpression,
            PassthroughBehavior = input.PassthroughBehavior ?? integration.PassthroughBehavior,
            ContentHandlingStrategy = input.ContentHandlingStrategy ?? integration.ContentHandlingStrategy,
            CredentialsArn = input.CredentialsArn ?? integration.CredentialsArn,
            IntegrationSubtype = input.IntegrationSubtype ?? integration.IntegrationSubtype,
            TlsConfig = input.TlsConfig ?? integration.TlsConfig,
        });
        state.State.Integrations[integrationId] = integration;
        await state.WriteStateOrReloadAsync(this);
        await AutoDeploy();
        return integration;
    }

    public async Task DeleteIntegration(string integrationId)
    {
        var integration = FindIntegration(integrationId);
        if (integration.ApiGatewayManaged)
        {
            throw ApiGatewayException.BadRequest($"Cannot delete an integration managed by API Gateway: {integrationId}. Use UpdateApi or DeleteApi instead.");
        }

        var target = "integrations/" + integrationId;
        if (state.State.Routes.Values.FirstOrDefault(r => r.Target == target) is { } route)
        {
            throw ApiGatewayException.Conflict($"Cannot delete integration {integrationId}: it is the target of route {route.RouteId} ({route.RouteKey}).");
        }

        state.State.Integrations.Remove(integrationId);
        state.State.IntegrationResponses.Remove(integrationId);
        await state.WriteStateOrReloadAsync(this);
        await AutoDeploy();
    }

    // Lambda is always invoked with POST, and AWS says so in the integration it returns.
    private static string? DefaultIntegrationMethod(string integrationType) => integrationType == "AWS_PROXY" ? "POST" : null;

    // HTTP APIs: HTTP_PROXY only speaks 1.0 (AWS_PROXY must choose); WebSocket APIs only know 1.0.
    private string? DefaultPayloadFormatVersion(string integrationType) =>
        !IsHttp || integrationType == "HTTP_PROXY" ? "1.0" : null;

    private IntegrationDefinition FindIntegration(string integrationId) =>
        Api is not null && state.State.Integrations.TryGetValue(integrationId, out var integration)
            ? integration
            : throw ApiErrors.IntegrationNotFound(ApiId, integrationId);

    private IntegrationDefinition CheckIntegration(IntegrationDefinition integration)
    {
        if (integration.IntegrationType is not ("HTTP_PROXY" or "AWS_PROXY" or "HTTP" or "AWS" or "MOCK"))
        {
            throw ApiGatewayException.BadRequest($"Invalid integration type specified: {integration.IntegrationType}. Must be one of [AWS, AWS_PROXY, HTTP, HTTP_PROXY, MOCK]");
        }

        if (integration.IntegrationType is "HTTP_PROXY" or "HTTP")
        {
            // Only the scheme is checked: the host may be a ${stageVariables.x} resolved per stage.
            var uri = integration.IntegrationUri ?? string.Empty;
            if (!uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                throw ApiGatewayException.BadRequest($"Invalid integration URI specified: {integration.IntegrationUri}. An HTTP integration needs an absolute http or https URL.");
            }

            if (integration.IntegrationMethod is null)
            {
                throw ApiGatewayException.BadRequest("An integration method must be specified for HTTP integrations");
            }

            if (CompiledIntegration.CheckMethod(integration.IntegrationMethod) is { } methodError)
            {
                throw ApiGatewayException.BadRequest(methodError);
            }
        }

        // HTTP APIs are compiled by the edge: refuse here whatever it would leave out.
        if (IsHttp && HttpApiIntegrationRules.Check(integration.IntegrationMethod, integration.IntegrationSubtype,
            integration.RequestParameters, integration.ResponseParameters) is { } compileError)
        {
            throw ApiGatewayException.BadRequest(compileError);
        }

        // WebSocket APIs are compiled by the silo's route tables: refuse here whatever they could not run.
        if (!IsHttp && WebSocketIntegrationRules.Check(integration) is { } webSocketError)
        {
            throw ApiGatewayException.BadRequest(webSocketError);
        }

        if (integration.TimeoutInMillis is < 50 or > 30_000)
        {
            throw ApiGatewayException.BadRequest("Timeout must be between 50 milliseconds and 30 seconds");
        }

        // HTTP APIs: a Lambda proxy chooses its payload format, 1.0 or 2.0; nothing else is accepted.
        if (IsHttp && integration.IntegrationType == "AWS_PROXY" && integration.PayloadFormatVersion is not ("1.0" or "2.0"))
        {
            throw ApiGatewayException.BadRequest(integration.PayloadFormatVersion is null
                ? "A payload format version must be specified for AWS_PROXY integrations of HTTP APIs: 1.0 or 2.0"
                : $"Invalid payload format version specified: {integration.PayloadFormatVersion}. Must be one of [1.0, 2.0]");
        }

        if (IsHttp && integration.IntegrationType == "HTTP_PROXY" && integration.PayloadFormatVersion != "1.0")
        {
            throw ApiGatewayException.BadRequest("The payload format version of HTTP_PROXY integrations must be 1.0");
        }

        return integration;
    }
}
