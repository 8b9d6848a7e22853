namespace OrleansGateway.HttpApis;

/// <summary>
/// One API (keyed by its apiId): its definition, routes, integrations, and the names of its
/// stages and deployments. The single writer of everything an API is made of. Management
/// methods throw <see cref="Errors.ApiGatewayException"/> with AWS's error types and messages.
/// </summary>
[Alias("gw.IApiGrain")]
public interface IApiGrain : IGrainWithStringKey
{
    /// <summary>What an edge needs to resolve an invoke URL; null when the API does not exist.</summary>
    [Alias("GetRuntimeSummary")]
    Task<ApiRuntimeSummary?> GetRuntimeSummary();

    /// <summary>Creates the API under this grain's key (called by <see cref="IApiRegistryGrain"/>); quick create when a target is given.</summary>
    [Alias("Create")]
    Task<ApiDefinition> Create(ApiInput input);

    /// <summary>The API's definition.</summary>
    [Alias("GetApi")]
    Task<ApiDefinition> GetApi();

    /// <summary>Changes the members given; stages with autoDeploy get a new deployment.</summary>
    [Alias("UpdateApi")]
    Task<ApiDefinition> UpdateApi(ApiInput input);

    /// <summary>Deletes the API with its stages and deployments.</summary>
    [Alias("Delete")]
    Task Delete();

    /// <summary>Removes the API's CORS configuration.</summary>
    [Alias("DeleteCorsConfiguration")]
    Task DeleteCorsConfiguration();

    [Alias("CreateRoute")]
    Task<RouteDefinition> CreateRoute(RouteInput input);

    [Alias("GetRoute")]
    Task<RouteDefinition> GetRoute(string routeId);

    /// <summary>All routes, ordered by id.</summary>
    [Alias("GetRoutes")]
    Task<List<RouteDefinition>> GetRoutes();

    [Alias("UpdateRoute")]
    Task<RouteDefinition> UpdateRoute(string routeId, RouteInput input);

    [Alias("DeleteRoute")]
    Task DeleteRoute(string routeId);

    [Alias("CreateIntegration")]
    Task<IntegrationDefinition> CreateIntegration(IntegrationInput input);

    [Alias("GetIntegration")]
    Task<IntegrationDefinition> GetIntegration(string integrationId);

    /// <summary>All integrations, ordered by id.</summary>
    [Alias("GetIntegrations")]
    Task<List<IntegrationDefinition>> GetIntegrations();

    [Alias("UpdateIntegration")]
    Task<IntegrationDefinition> UpdateIntegration(string integrationId, IntegrationInput input);

    [Alias("DeleteIntegration")]
    Task DeleteIntegration(string integrationId);

    /// <summary>Creates a stage; with autoDeploy and routes present it is deployed at once.</summary>
    [Alias("CreateStage")]
    Task<StageDefinition> CreateStage(StageInput input);

    [Alias("GetStage")]
    Task<StageDefinition> GetStage(string stageName);

    /// <summary>All stages, ordered by name.</summary>
    [Alias("GetStages")]
    Task<List<StageDefinition>> GetStages();

    /// <summary>Changes the members given; another deploymentId points the stage at that deployment (rollback).</summary>
    [Alias("UpdateStage")]
    Task<StageDefinition> UpdateStage(string stageName, StageInput input);

    [Alias("DeleteStage")]
    Task DeleteStage(string stageName);

    /// <summary>Freezes the current routes and integrations; with a stage name, that stage serves it.</summary>
    [Alias("CreateDeployment")]
    Task<DeploymentDefinition> CreateDeployment(DeploymentInput input);

    [Alias("GetDeployment")]
    Task<DeploymentDefinition> GetDeployment(string deploymentId);

    /// <summary>All deployments, newest first.</summary>
    [Alias("GetDeployments")]
    Task<List<DeploymentDefinition>> GetDeployments();

    [Alias("UpdateDeployment")]
    Task<DeploymentDefinition> UpdateDeployment(string deploymentId, DeploymentInput input);

    /// <summary>Deletes a deployment no stage serves.</summary>
    [Alias("DeleteDeployment")]
    Task DeleteDeployment(string deploymentId);

    /// <summary>The tags of the API, or of its stage <paramref name="stageName"/> when given.</summary>
    [Alias("GetTags")]
    Task<Dictionary<string, string>> GetTags(string? stageName);

    /// <summary>Adds or replaces tags on the API, or on its stage <paramref name="stageName"/> when given.</summary>
    [Alias("TagResource")]
    Task TagResource(string? stageName, Dictionary<string, string> tags);

    /// <summary>Removes the tags with these keys; keys that are not there are ignored.</summary>
    [Alias("UntagResource")]
    Task UntagResource(string? stageName, List<string> tagKeys);

    /// <summary>Removes one route's settings from a stage (apigatewayv2 DeleteRouteSettings).</summary>
    [Alias("DeleteRouteSettings")]
    Task DeleteRouteSettings(string stageName, string routeKey);

    /// <summary>Turns a stage's access logging off (apigatewayv2 DeleteAccessLogSettings).</summary>
    [Alias("DeleteAccessLogSettings")]
    Task DeleteAccessLogSettings(string stageName);

    [Alias("CreateAuthorizer")]
    Task<AuthorizerDefinition> CreateAuthorizer(AuthorizerInput input);

    [Alias("GetAuthorizer")]
    Task<AuthorizerDefinition> GetAuthorizer(string authorizerId);

    [Alias("GetAuthorizers")]
    Task<List<AuthorizerDefinition>> GetAuthorizers();

    [Alias("UpdateAuthorizer")]
    Task<AuthorizerDefinition> UpdateAuthorizer(string authorizerId, AuthorizerInput input);

    [Alias("DeleteAuthorizer")]
    Task DeleteAuthorizer(string authorizerId);

    [Alias("CreateRouteResponse")]
    Task<RouteResponseDefinition> CreateRouteResponse(string routeId, RouteResponseInput input);

    [Alias("GetRouteResponse")]
    Task<RouteResponseDefinition> GetRouteResponse(string routeId, string routeResponseId);

    [Alias("GetRouteResponses")]
    Task<List<RouteResponseDefinition>> GetRouteResponses(string routeId);

    [Alias("UpdateRouteResponse")]
    Task<RouteResponseDefinition> UpdateRouteResponse(string routeId, string routeResponseId, RouteResponseInput input);

    [Alias("DeleteRouteResponse")]
    Task DeleteRouteResponse(string routeId, string routeResponseId);

    [Alias("CreateIntegrationResponse")]
    Task<IntegrationResponseDefinition> CreateIntegrationResponse(string integrationId, IntegrationResponseInput input);

    [Alias("GetIntegrationResponse")]
    Task<IntegrationResponseDefinition> GetIntegrationResponse(string integrationId, string integrationResponseId);

    [Alias("GetIntegrationResponses")]
    Task<List<IntegrationResponseDefinition>> GetIntegrationResponses(string integrationId);

    [Alias("UpdateIntegrationResponse")]
    Task<IntegrationResponseDefinition> UpdateIntegrationResponse(string integrationId, string integrationResponseId, IntegrationResponseInput input);

    [Alias("DeleteIntegrationResponse")]
    Task DeleteIntegrationResponse(string integrationId, string integrationResponseId);

    /// <summary>Removes one key from a route's requestParameters (apigatewayv2 DeleteRouteRequestParameter).</summary>
    [Alias("DeleteRouteRequestParameter")]
    Task DeleteRouteRequestParameter(string routeId, string requestParameterKey);
}
