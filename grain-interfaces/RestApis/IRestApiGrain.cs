namespace OrleansGateway.RestApis;

/// <summary>
/// A REST API (apigateway v1), keyed by its restApiId, and everything it is made of: resources with
/// their methods, integrations and responses, models, request validators, gateway responses,
/// authorizers, deployments' metadata and its stages' names. Deployments' snapshots and stages
/// live in <see cref="IRestDeploymentGrain"/> and <see cref="IRestStageGrain"/>, which this grain
/// alone creates and changes. Update methods take apigateway's patch operations and answer with
/// AWS's errors (<see cref="Errors.ApiGatewayException"/>).
/// </summary>
[Alias("gw.IRestApiGrain")]
public interface IRestApiGrain : IGrainWithStringKey
{
    /// <summary>Creates the API with its root resource and the default models (or a clone of <c>cloneFrom</c>); called by the registry.</summary>
    [Alias("Create")]
    Task<RestApiDefinition> Create(RestApiInput input);

    /// <summary>Creates the API from a whole definition (ImportRestApi): IDs assigned here, one write, no deployment.</summary>
    [Alias("Import")]
    Task<RestApiDefinition> Import(RestApiContent content);

    /// <summary>The API's whole definition (what an export reads); resources ordered by path.</summary>
    [Alias("GetContent")]
    Task<RestApiContent> GetContent();

    /// <summary>
    /// PutRestApi: <paramref name="mode"/> <c>overwrite</c> replaces the definition, <c>merge</c>
    /// adds to it (a method present in both is replaced). The API keeps its ID, name unless given,
    /// root resource, deployments and stages; new resources get new IDs. One write, no deployment.
    /// </summary>
    [Alias("PutContent")]
    Task<RestApiDefinition> PutContent(RestApiContent content, string mode);

    /// <summary>The API; NotFound when it does not exist.</summary>
    [Alias("Get")]
    Task<RestApiDefinition> Get();

    /// <summary>The API, or null when it does not exist (listing).</summary>
    [Alias("Find")]
    Task<RestApiDefinition?> Find();

    [Alias("Update")]
    Task<RestApiDefinition> Update(List<PatchOperation> operations);

    /// <summary>Deletes the API, its stages and deployments, and forgets it in the registry.</summary>
    [Alias("Delete")]
    Task Delete();

    [Alias("GetResources")]
    Task<List<RestResource>> GetResources();

    [Alias("GetResource")]
    Task<RestResource> GetResource(string resourceId);

    [Alias("CreateResource")]
    Task<RestResource> CreateResource(string parentId, string? pathPart);

    [Alias("UpdateResource")]
    Task<RestResource> UpdateResource(string resourceId, List<PatchOperation> operations);

    /// <summary>Deletes the resource and every resource under it.</summary>
    [Alias("DeleteResource")]
    Task DeleteResource(string resourceId);

    [Alias("PutMethod")]
    Task<RestMethod> PutMethod(string resourceId, string httpMethod, RestMethodInput input);

    [Alias("GetMethod")]
    Task<RestMethod> GetMethod(string resourceId, string httpMethod);

    [Alias("UpdateMethod")]
    Task<RestMethod> UpdateMethod(string resourceId, string httpMethod, List<PatchOperation> operations);

    [Alias("DeleteMethod")]
    Task DeleteMethod(string resourceId, string httpMethod);

    [Alias("PutMethodResponse")]
    Task<RestMethodResponse> PutMethodResponse(string resourceId, string httpMethod, string statusCode, RestMethodResponseInput input);

    [Alias("GetMethodResponse")]
    Task<RestMethodResponse> GetMethodResponse(string resourceId, string httpMethod, string statusCode);

    [Alias("UpdateMethodResponse")]
    Task<RestMethodResponse> UpdateMethodResponse(string resourceId, string httpMethod, string statusCode, List<PatchOperation> operations);

    [Alias("DeleteMethodResponse")]
    Task DeleteMethodResponse(string resourceId, string httpMethod, string statusCode);

    [Alias("PutIntegration")]
    Task<RestIntegration> PutIntegration(string resourceId, string httpMethod, RestIntegrationInput input);

    [Alias("GetIntegration")]
    Task<RestIntegration> GetIntegration(string resourceId, string httpMethod);

    [Alias("UpdateIntegration")]
    Task<RestIntegration> UpdateIntegration(string resourceId, string httpMethod, List<PatchOperation> operations);

    [Alias("DeleteIntegration")]
    Task DeleteIntegration(string resourceId, string httpMethod);

    [Alias("PutIntegrationResponse")]
    Task<RestIntegrationResponse> PutIntegrationResponse(string resourceId, string httpMethod, string statusCode, RestIntegrationResponseInput input);

    [Alias("GetIntegrationResponse")]
    Task<RestIntegrationResponse> GetIntegrationResponse(string resourceId, string httpMethod, string statusCode);

    [Alias("UpdateIntegrationResponse")]
    Task<RestIntegrationResponse> UpdateIntegrationResponse(string resourceId, string httpMethod, string statusCode, List<PatchOperation> operations);

    [Alias("DeleteIntegrationResponse")]
    Task DeleteIntegrationResponse(string resourceId, string httpMethod, string statusCode);

    [Alias("CreateModel")]
    Task<RestModel> CreateModel(RestModelInput input);

    [Alias("GetModels")]
    Task<List<RestModel>> GetModels();

    [Alias("GetModel")]
    Task<RestModel> GetModel(string modelName);

    [Alias("UpdateModel")]
    Task<RestModel> UpdateModel(string modelName, List<PatchOperation> operations);

    [Alias("DeleteModel")]
    Task DeleteModel(string modelName);

    [Alias("CreateRequestValidator")]
    Task<RestRequestValidator> CreateRequestValidator(RestRequestValidatorInput input);

    [Alias("GetRequestValidators")]
    Task<List<RestRequestValidator>> GetRequestValidators();

    [Alias("GetRequestValidator")]
    Task<RestRequestValidator> GetRequestValidator(string validatorId);

    [Alias("UpdateRequestValidator")]
    Task<RestRequestValidator> UpdateRequestValidator(string validatorId, List<PatchOperation> operations);

    [Alias("DeleteRequestValidator")]
    Task DeleteRequestValidator(string validatorId);

    /// <summary>Every gateway response type: the customised ones as stored, the others as AWS's defaults (<c>defaultResponse</c> true).</summary>
    [Alias("GetGatewayResponses")]
    Task<List<RestGatewayResponse>> GetGatewayResponses();

    [Alias("GetGatewayResponse")]
    Task<RestGatewayResponse> GetGatewayResponse(string responseType);

    [Alias("PutGatewayResponse")]
    Task<RestGatewayResponse> PutGatewayResponse(string responseType, RestGatewayResponseInput input);

    [Alias("UpdateGatewayResponse")]
    Task<RestGatewayResponse> UpdateGatewayResponse(string responseType, List<PatchOperation> operations);

    [Alias("DeleteGatewayResponse")]
    Task DeleteGatewayResponse(string responseType);

    [Alias("CreateAuthorizer")]
    Task<RestAuthorizer> CreateAuthorizer(RestAuthorizerInput input);

    [Alias("GetAuthorizers")]
    Task<List<RestAuthorizer>> GetAuthorizers();

    [Alias("GetAuthorizer")]
    Task<RestAuthorizer> GetAuthorizer(string authorizerId);

    [Alias("UpdateAuthorizer")]
    Task<RestAuthorizer> UpdateAuthorizer(string authorizerId, List<PatchOperation> operations);

    [Alias("DeleteAuthorizer")]
    Task DeleteAuthorizer(string authorizerId);

    /// <summary>Freezes the API into a new deployment; with a stage name, creates that stage or moves it to the deployment.</summary>
    [Alias("CreateDeployment")]
    Task<RestDeployment> CreateDeployment(RestDeploymentInput input);

    [Alias("GetDeployments")]
    Task<List<RestDeployment>> GetDeployments();

    /// <summary>The deployment; with <paramref name="withApiSummary"/>, its <c>apiSummary</c> (<c>embed=apisummary</c>).</summary>
    [Alias("GetDeployment")]
    Task<RestDeployment> GetDeployment(string deploymentId, bool withApiSummary);

    [Alias("UpdateDeployment")]
    Task<RestDeployment> UpdateDeployment(string deploymentId, List<PatchOperation> operations);

    /// <summary>Deletes a deployment no stage (or canary) serves.</summary>
    [Alias("DeleteDeployment")]
    Task DeleteDeployment(string deploymentId);

    [Alias("CreateStage")]
    Task<RestStage> CreateStage(RestStageInput input);

    /// <summary>
    /// The names of the API's stages, or null when the API does not exist: what an edge holds so that
    /// a request naming any other stage is answered without a stage grain call. The API tells the
    /// edges (<see cref="Routing.IRoutingObserver.ApiChanged"/>) whenever this list changes.
    /// </summary>
    [Alias("GetStageNames")]
    Task<List<string>?> GetStageNames();

    /// <summary>The stages, only those serving <paramref name="deploymentId"/> when it is given.</summary>
    [Alias("GetStages")]
    Task<List<RestStage>> GetStages(string? deploymentId);

    [Alias("GetStage")]
    Task<RestStage> GetStage(string stageName);

    [Alias("UpdateStage")]
    Task<RestStage> UpdateStage(string stageName, List<PatchOperation> operations);

    [Alias("DeleteStage")]
    Task DeleteStage(string stageName);

    /// <summary>The API's tags, or the stage's when <paramref name="stageName"/> is given.</summary>
    [Alias("GetTags")]
    Task<Dictionary<string, string>> GetTags(string? stageName);

    [Alias("TagResource")]
    Task TagResource(string? stageName, Dictionary<string, string> tags);

    [Alias("UntagResource")]
    Task UntagResource(string? stageName, List<string> tagKeys);
}
