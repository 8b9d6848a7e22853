using OrleansGateway.Cors;
using OrleansGateway.Errors;
using OrleansGateway.Routing;
using OrleansGateway.Storage;

namespace OrleansGateway.HttpApis;

/// <summary>
/// An API and everything it is made of. Routes and integrations live here; stages and
/// deployments live in their own grains, which this grain alone creates and changes, so it can
/// check names and ids first and keep its <see cref="StageLink"/>s true.
/// </summary>
public sealed partial class ApiGrain(
    [PersistentState("state", StorageNames.Gateway)] IPersistentState<ApiState> state,
    IGrainFactory grains) : Grain, IApiGrain
{
    public const string HttpProtocol = "HTTP";
    public const string WebSocketProtocol = "WEBSOCKET";
    public const string DefaultStageName = "$default";

    // The only route selection of an HTTP API; AWS's documentation also spells it ${request.method} ${request.path}.
    private const string HttpRouteSelection = "$request.method $request.path";

    private string ApiId => this.GetPrimaryKeyString();

    private ApiDefinition Api => state.State.Api ?? throw ApiErrors.ApiNotFound(ApiId);

    private bool IsHttp => Api.ProtocolType == HttpProtocol;

    public Task<ApiRuntimeSummary?> GetRuntimeSummary() => Task.FromResult(state.State.Api is { } api
        ? new ApiRuntimeSummary
        {
            ApiId = api.ApiId,
            ProtocolType = api.ProtocolType,
            StageNames = [.. state.State.Stages.Keys.Order(StringComparer.Ordinal)],
            DisableExecuteApiEndpoint = api.DisableExecuteApiEndpoint,
        }
        : null);

    public async Task<ApiDefinition> Create(ApiInput input)
    {
        if (state.State.Api is not null)
        {
            throw ApiGatewayException.Conflict($"API {ApiId} already exists");
        }

        if (string.IsNullOrEmpty(input.Name))
        {
            throw ApiErrors.Required("name");
        }

        var protocol = input.ProtocolType;
        if (protocol is not (HttpProtocol or WebSocketProtocol))
        {
            throw ApiGatewayException.BadRequest("Invalid protocol specified. Must be one of [HTTP, WEBSOCKET]");
        }

        if (protocol == HttpProtocol && input.RouteSelectionExpression is not (null or HttpRouteSelection or "${request.method} ${request.path}"))
        {
            throw ApiGatewayException.BadRequest($"Invalid route selection expression specified: {input.RouteSelectionExpression}. HTTP APIs support only {HttpRouteSelection}");
        }

        if (protocol == WebSocketProtocol)
        {
            if (string.IsNullOrEmpty(input.RouteSelectionExpression))
            {
                throw ApiErrors.Required("routeSelectionExpression");
            }

            if (input.CorsConfiguration is not null || input.Target is not null)
            {
                throw ApiGatewayException.BadRequest("CORS configuration and quick create are supported only for HTTP APIs");
            }

            CheckApiKeySelectionExpression(input.ApiKeySelectionExpression);
        }

        state.State = new ApiState
        {
            Api = new ApiDefinition
            {
                ApiId = ApiId,
                Name = input.Name,
                ProtocolType = protocol,
                RouteSelectionExpression = protocol == HttpProtocol ? HttpRouteSelection : input.RouteSelectionExpression,
                ApiKeySelectionExpression = input.ApiKeySelectionExpression ?? ApiKeySelectionExpressions.Header,
                Description = input.Description,
                Version = input.Version,
                DisableExecuteApiEndpoint = input.DisableExecuteApiEndpoint ?? false,
                DisableSchemaValidation = input.DisableSchemaValidation ?? false,
                CorsConfiguration = CheckCors(input.CorsConfiguration),
                Tags = input.Tags ?? [],
                IpAddressType = input.IpAddressType ?? "ipv4",
                CreatedDate = Timestamps.Now(),
            },
        };

        if (input.Target is not null)
        {
            try
            {
                QuickCreateRouteAndIntegration(input.Target, input.RouteKey ?? DefaultStageName, input.CredentialsArn);
            }
            catch (ApiGatewayException)
            {
                state.State = new ApiState();
                throw;
            }
        }

        await state.WriteStateOrReloadAsync(this);
        if (input.Target is not null)
        {
            await CreateStageCore(new StageInput { StageName = DefaultStageName, AutoDeploy = true }, apiGatewayManaged: true);
        }

        await PublishApiChanged();
        return Api;
    }

    public Task<ApiDefinition> GetApi() => Task.FromResult(Api);

    public async Task<ApiDefinition> UpdateApi(ApiInput input)
    {
        var api = Api;
        if (input.ProtocolType is not null && input.ProtocolType != api.ProtocolType)
        {
            throw ApiGatewayException.BadRequest("The protocol type of an API cannot be changed");
        }

        if (input.CorsConfiguration is not null && !IsHttp)
        {
            throw ApiGatewayException.BadRequest("CORS configuration is supported only for HTTP APIs");
        }

        if (input.Name is "")
        {
            throw ApiErrors.Required("name");
        }

        if (IsHttp && input.RouteSelectionExpression is not (null or HttpRouteSelection or "${request.method} ${request.path}"))
        {
            throw ApiGatewayException.BadRequest($"Invalid route selection expression specified: {input.RouteSelectionExpression}. HTTP APIs support only {HttpRouteSelection}");
        }

        if (!IsHttp)
        {
            CheckApiKeySelectionExpression(input.ApiKeySelectionExpression);
        }

        var updated = api with
        {
            Name = input.Name ?? api.Name,
            RouteSelectionExpression = IsHttp ? api.RouteSelectionExpression : input.RouteSelectionExpression ?? api.RouteSelectionExpression,
            ApiKeySelectionExpression = input.ApiKeySelectionExpression ?? api.ApiKeySelectionExpression,
            Description = input.Description ?? api.Description,
            Version = input.Version ?? api.Version,
            DisableExecuteApiEndpoint = input.DisableExecuteApiEndpoint ?? api.DisableExecuteApiEndpoint,
            DisableSchemaValidation = input.DisableSchemaValidation ?? api.DisableSchemaValidation,
            CorsConfiguration = CheckCors(input.CorsConfiguration) ?? api.CorsConfiguration,
            IpAddressType = input.IpAddressType ?? api.IpAddressType,
        };
        QuickUpdateRouteAndIntegration(input);
        state.State.Api = updated;
        await state.WriteStateOrReloadAsync(this);
        await AutoDeploy();
        await PublishApiChanged();
        return Api;
    }

    public async Task Delete()
    {
        _ = Api;
        foreach (var stageName in state.State.Stages.Keys)
        {
            await Stage(stageName).Delete();
        }

        foreach (var deploymentId in state.State.Deployments.Keys)
        {
            await Deployment(deploymentId).Delete();
        }

        await state.ClearStateOrReloadAsync(this);
        await grains.GetGrain<IApiRegistryGrain>(0).Remove(ApiId);
        await PublishApiChanged();
        DeactivateOnIdle();
    }

    public async Task DeleteCorsConfiguration()
    {
        var api = Api;
        if (api.CorsConfiguration is null)
        {
            throw ApiGatewayException.NotFound($"No CORS configuration exists for API {ApiErrors.AccountId}:{ApiId}");
        }

        state.State.Api = api with { CorsConfiguration = null };
        await state.WriteStateOrReloadAsync(this);
        await AutoDeploy();
        await PublishApiChanged();
    }

    // Browsers ignore credentials for a wildcard origin, and cache preflights for a day at most.
    // AWS knows two API key selection expressions; the edge reads the first and fails closed on the second.
    private static void CheckApiKeySelectionExpression(string? expression)
    {
        if (expression is not (null or ApiKeySelectionExpressions.Header or ApiKeySelectionExpressions.Authorizer))
        {
            throw ApiGatewayException.BadRequest(
                $"Invalid API key selection expression specified: {expression}. Supported expressions are {ApiKeySelectionExpressions.Header} and {ApiKeySelectionExpressions.Authorizer}");
        }
    }

    private static CorsConfiguration? CheckCors(CorsConfiguration? cors)
    {
        if (cors?.AllowCredentials == true && cors.AllowOrigins?.Contains("*") == true)
        {
            throw ApiGatewayException.BadRequest("Invalid CORS configuration: allowCredentials can't be true when allowOrigins contains '*'");
        }

        if (cors?.MaxAge is < -1 or > 86400)
        {
            throw ApiGatewayException.BadRequest($"Invalid CORS configuration: maxAge must be between -1 and 86400 seconds, not {cors.MaxAge}");
        }

        // The edge writes these as header values: refuse what it would leave out.
        if (HttpApiCorsPolicy.Validate(cors) is { } invalid)
        {
            throw ApiGatewayException.BadRequest(invalid);
        }

        return cors;
    }

    private IStageGrain Stage(string stageName) => grains.GetGrain<IStageGrain>($"{ApiId}/{stageName}");

    private IDeploymentGrain Deployment(string deploymentId) => grains.GetGrain<IDeploymentGrain>($"{ApiId}/{deploymentId}");

    private Task PublishApiChanged() => grains.GetGrain<IEdgeDirectoryGrain>(0).PublishApiChanged(ApiId);
}
