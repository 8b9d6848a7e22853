using OrleansGateway.HttpApis;
using IntegrationResponseDefinition = OrleansGateway.Mapping.Selection.IntegrationResponseDefinition;
using OrleansGateway.Integrations;
using OrleansGateway.Mapping.GatewayResponses;
using OrleansGateway.Mapping.Parameters;
using OrleansGateway.Mapping.Templates;
using OrleansGateway.Throttling;
using OrleansGateway.Validation;
using OrleansGateway.Vtl;

namespace OrleansGateway.RestApis;

/// <summary>
/// One deployment of a REST API as a stage serves it (the canary's deployment gets a table of its
/// own, with its stage variable overrides): the resource tree, every method's integration with its
/// mapping templates compiled, the models, the gateway responses and the API's settings. Built once
/// per deployment on each edge; its templates live as long as the table, so a served deployment's
/// templates are never evicted.
/// </summary>
public sealed class RestStageTable
{
    private RestStageTable(string apiId, string stageName, long version, string deploymentId, IReadOnlyDictionary<string, string> stageVariables)
    {
        ApiId = apiId;
        StageName = stageName;
        Version = version;
        DeploymentId = deploymentId;
        StageVariables = stageVariables;
    }

    public string ApiId { get; }

    public string StageName { get; }

    /// <summary>The stage's version this table was built from; another one means rebuild.</summary>
    public long Version { get; }

    public string DeploymentId { get; }

    /// <summary>The deployed API's name: the <c>ApiName</c> of its metrics, as on CloudWatch.</summary>
    public string ApiName { get; private init; } = string.Empty;

    /// <summary>The stage's variables (with the canary's overrides in a canary table).</summary>
    public IReadOnlyDictionary<string, string> StageVariables { get; }

    public bool IsCanary { get; private init; }

    /// <summary>The stage has a canary, so <c>$context.isCanaryRequest</c> is set on both tables' requests.</summary>
    public bool HasCanary { get; private init; }

    /// <summary>The deployed API's <c>disableExecuteApiEndpoint</c>: only custom domain names reach it.</summary>
    public bool DisableExecuteApiEndpoint { get; private init; }

    /// <summary>The API's <c>apiKeySource</c>: <c>HEADER</c> (<c>x-api-key</c>) unless it says <c>AUTHORIZER</c>.</summary>
    public string ApiKeySource { get; private init; } = HeaderApiKeySource;

    public const string HeaderApiKeySource = "HEADER";

    public RestResourceTree Resources { get; } = new();

    public required GatewayResponseRenderer GatewayResponses { get; init; }

    public required MethodRequestValidator RequestValidator { get; init; }

    public IReadOnlyList<string> BinaryMediaTypes { get; private init; } = [];

    /// <summary>Responses larger than this are compressed for clients that accept it; null: never.</summary>
    public int? MinimumCompressionSize { get; private init; }

    public int MethodCount { get; private set; }

    /// <summary>The stage's cache cluster size in bytes when its response cache serves this table (a canary's only with <c>useStageCache</c>); 0: no cache.</summary>
    public long CacheCapacityBytes { get; private init; }

    /// <summary>Bumped by every FlushStageCache: part of each cache key, so a flush makes every older entry unreachable.</summary>
    public long CacheGeneration { get; private init; }

    /// <summary>What this table could not serve as stored, one line each: logged once when compiled, never per request.</summary>
    public List<string> Faults { get; } = [];

    /// <summary>Compiles <paramref name="snapshot"/> for stage <paramref name="stage"/>.</summary>
    public static RestStageTable Create(
        string apiId, RestStage stage, long version, RestDeploymentSnapshot snapshot,
        IReadOnlyDictionary<string, string>? stageVariables, bool isCanary, TimeSpan defaultTimeout, long cacheGeneration = 0)
    {
        var variables = stageVariables ?? new Dictionary<string, string>();
        var deploymentId = snapshot.Deployment.Id;
        var faults = new List<string>();
        var models = snapshot.Models.Where(m => m.Schema is not null).ToDictionary(m => m.Name, m => m.Schema!, StringComparer.Ordinal);
        var table = new RestStageTable(apiId, stage.StageName, version, deploymentId, variables)
        {
            IsCanary = isCanary,
            HasCanary = isCanary || stage.CanarySettings is not null,
            DisableExecuteApiEndpoint = snapshot.Api.DisableExecuteApiEndpoint,
            GatewayResponses = new GatewayResponseRenderer(new GatewayResponseResolver(GatewayResponseDefinitions(snapshot, faults))),
            RequestValidator = new MethodRequestValidator(new ApiModelSchemas(apiId, models)),
            BinaryMediaTypes = snapshot.Api.BinaryMediaTypes ?? [],
            MinimumCompressionSize = snapshot.Api.MinimumCompressionSize,
            CacheCapacityBytes = RestCacheSettings.CapacityBytes(stage, isCanary),
            CacheGeneration = cacheGeneration,
            ApiName = snapshot.Api.Name,
            ApiKeySource = snapshot.Api.ApiKeySource ?? HeaderApiKeySource,
        };
        table.Faults.AddRange(faults);

        // One cache per table, filled here: requests only read it, and it goes when the table goes.
        var templates = new CompiledTemplateCache(maxDeployments: 1);
        var validators = snapshot.RequestValidators.ToDictionary(v => v.Id, StringComparer.Ordinal);
        foreach (var resource in snapshot.Resources)
        {
            foreach (var (httpMethod, method) in resource.ResourceMethods ?? [])
            {
                var where = $"{httpMethod} {resource.Path}";
                RestCompiledIntegration? integration = null;
                if (method.MethodIntegration is { } definition)
                {
                    try
                    {
                        integration = Compile(deploymentId, definition, variables, defaultTimeout, templates);
                        if (!integration.IsSupported)
                        {
                            table.Faults.Add($"{where}: {definition.Type} integrations are not served yet (answered 500)");
                        }
                    }
                    catch (Exception e) when (e is FormatException or ArgumentException or VtlParseException)
                    {
                        table.Faults.Add($"{where}: integration left out: {e.Message}");
                    }
                }

                var validator = method.RequestValidatorId is { } validatorId && validators.TryGetValue(validatorId, out var found)
                    ? new RequestValidatorSettings(found.ValidateRequestBody, found.ValidateRequestParameters)
                    : null;
                table.Resources.Add(resource.Path, new RestMethodEntry
                {
                    ResourceId = resource.Id,
                    ResourcePath = resource.Path,
                    HttpMethod = httpMethod,
                    GreedyParameterName = resource.Path.EndsWith("+}", StringComparison.Ordinal)
                        ? resource.Path[(resource.Path.LastIndexOf('{') + 1)..^2]
                        : null,
                    AuthorizationType = method.AuthorizationType ?? RestMethodEntry.NoAuthorization,
                    ApiKeyRequired = method.ApiKeyRequired,
                    Validator = validator,
                    Rules = new MethodRequestRules
                    {
                        RequestParameters = method.RequestParameters ?? new Dictionary<string, bool>(),
                        RequestModels = method.RequestModels ?? new Dictionary<string, string>(),
                    },
                    Integration = integration,
                    Throttle = StageThrottles.ForRestMethod(apiId, stage.StageName, stage.MethodSettings, resource.Path, httpMethod),
                    Caching = table.CacheCapacityBytes > 0 ? RestCacheSettings.ForMethod(stage, resource.Path, httpMethod, integration, method.MethodIntegration) : null,
                });
                table.MethodCount++;
            }
        }

        return table;
    }

    private static RestCompiledIntegration Compile(
        string deploymentId, RestIntegration definition, IReadOnlyDictionary<string, string> variables, TimeSpan defaultTimeout, CompiledTemplateCache templates)
    {
        var parameters = new RequestParameterMapper(definition.RequestParameters);
        var proxy = definition.Type is IntegrationTypes.HttpProxy or IntegrationTypes.AwsProxy;
        IntegrationRequestMapper? request = null;
        IntegrationResponseMapper? response = null;
        if (!proxy)
        {
            foreach (var template in definition.RequestTemplates?.Values ?? (IEnumerable<string>)[])
            {
                templates.GetOrCompile(deploymentId, template);
            }

            var responses = (definition.IntegrationResponses?.Values ?? (IEnumerable<RestIntegrationResponse>)[])
                .Select(r => new IntegrationResponseDefinition
                {
                    StatusCode = r.StatusCode,
                    SelectionPattern = r.SelectionPattern,
                    ResponseParameters = r.ResponseParameters,
                    ResponseTemplates = r.ResponseTemplates,
                    ContentHandling = r.ContentHandling,
                })
                .ToList();
            foreach (var template in responses.SelectMany(r => r.ResponseTemplates?.Values ?? (IEnumerable<string>)[]))
            {
                templates.GetOrCompile(deploymentId, template);
            }

            request = new IntegrationRequestMapper(
                deploymentId, definition.RequestTemplates, PassthroughBehaviorNames.Parse(definition.PassthroughBehavior), parameters, templates);
            response = new IntegrationResponseMapper(deploymentId, responses, templates);
        }

        return new RestCompiledIntegration
        {
            Type = definition.Type,
            HttpMethod = definition.HttpMethod,
            Uri = definition.Uri is { Length: > 0 } uri && definition.Type is IntegrationTypes.Http or IntegrationTypes.HttpProxy
                ? IntegrationUriTemplate.Parse(uri, variables)
                : null,
            Timeout = definition.TimeoutInMillis > 0 ? TimeSpan.FromMilliseconds(definition.TimeoutInMillis) : defaultTimeout,
            Parameters = parameters,
            RequestMapper = request,
            ResponseMapper = response,
            ContentHandling = definition.ContentHandling,
        };
    }

    private static List<GatewayResponseDefinition> GatewayResponseDefinitions(RestDeploymentSnapshot snapshot, List<string> faults)
    {
        var definitions = new List<GatewayResponseDefinition>();
        foreach (var response in snapshot.GatewayResponses)
        {
            if (response.DefaultResponse)
            {
                continue;
            }

            if (GatewayResponseType.FromName(response.ResponseType) is null)
            {
                faults.Add($"gateway response {response.ResponseType}: not a gateway response type");
                continue;
            }

            definitions.Add(new GatewayResponseDefinition
            {
                ResponseType = response.ResponseType,
                StatusCode = response.StatusCode,
                ResponseParameters = response.ResponseParameters,
                ResponseTemplates = response.ResponseTemplates,
            });
        }

        return definitions;
    }
}
