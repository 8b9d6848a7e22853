using OrleansGateway.Errors;
using OrleansGateway.HttpApis;
using OrleansGateway.Patching;
using OrleansGateway.Routing;
using OrleansGateway.Storage;

namespace OrleansGateway.RestApis;

/// <summary>
/// A REST API and everything it is made of (see <see cref="IRestApiGrain"/>). Every change is
/// validated first, then written once; stages and deployments live in their own grains, which
/// this grain alone creates and changes.
/// </summary>
public sealed partial class RestApiGrain(
    [PersistentState("state", StorageNames.Gateway)] IPersistentState<RestApiState> state,
    IGrainFactory grains) : Grain, IRestApiGrain
{
    private static readonly PatchRule[] ApiRules =
    [
        new("/name", "replace"), new("/description", "replace"), new("/version", "replace"), new("/policy", "replace"),
        new("/apiKeySource", "replace"), new("/minimumCompressionSize", "replace"), new("/disableExecuteApiEndpoint", "replace"),
        new("/endpointConfiguration/types/0", "replace"), new("/endpointConfiguration/ipAddressType", "replace"),
    ];

    private string RestApiId => this.GetPrimaryKeyString();

    private RestApiDefinition Api => state.State.Api ?? throw RestApiErrors.ApiNotFound(RestApiId);

    public async Task<RestApiDefinition> Create(RestApiInput input)
    {
        EnsureNew();
        if (string.IsNullOrEmpty(input.Name))
        {
            throw ApiGatewayException.BadRequest("Invalid REST API name specified");
        }

        if (input.Description is "")
        {
            throw ApiGatewayException.BadRequest("Description cannot be an empty string");
        }

        CheckCompressionSize(input.MinimumCompressionSize);
        CheckApiKeySource(input.ApiKeySource);
        RestApiContent? clone = null;
        if (input.CloneFrom is { } source)
        {
            clone = await grains.GetGrain<IRestApiGrain>(source).Find() is null
                ? throw ApiGatewayException.NotFound($"Invalid API identifier specified {ApiErrors.AccountId}:{source}")
                : await grains.GetGrain<IRestApiGrain>(source).GetContent();
        }

        var rootId = ResourceIds.Part();
        var api = new RestApiDefinition
        {
            Id = RestApiId,
            Name = input.Name,
            Description = input.Description,
            Version = input.Version,
            CreatedDate = Timestamps.Now(),
            BinaryMediaTypes = input.BinaryMediaTypes ?? clone?.Api.BinaryMediaTypes,
            MinimumCompressionSize = input.MinimumCompressionSize ?? clone?.Api.MinimumCompressionSize,
            ApiKeySource = input.ApiKeySource ?? clone?.Api.ApiKeySource ?? RestDefaults.ApiKeySourceHeader,
            EndpointConfiguration = input.EndpointConfiguration ?? clone?.Api.EndpointConfiguration ?? new RestEndpointConfiguration { Types = [RestDefaults.EndpointTypeEdge] },
            Policy = input.Policy ?? clone?.Api.Policy,
            Tags = input.Tags is { Count: > 0 } ? input.Tags : null,
            DisableExecuteApiEndpoint = input.DisableExecuteApiEndpoint ?? clone?.Api.DisableExecuteApiEndpoint ?? false,
            RootResourceId = rootId,
        };

        state.State = clone is null
            ? new RestApiState
            {
                Api = api,
                Resources = { [rootId] = new RestResource { Id = rootId, Path = "/" } },
                Models = RestDefaults.Models(ResourceIds.Part).ToDictionary(m => m.Name, StringComparer.Ordinal),
            }
            : StateFrom(clone with { Api = api }, keepIds: false);
        await state.WriteStateOrReloadAsync(this);
        await PublishApiChanged();
        return Api;
    }

    public async Task<RestApiDefinition> Import(RestApiContent content)
    {
        EnsureNew();
        var rootId = ResourceIds.Part();
        state.State = StateFrom(content with
        {
            Api = content.Api with
            {
                Id = RestApiId,
                CreatedDate = Timestamps.Now(),
                RootResourceId = rootId,
                ApiKeySource = content.Api.ApiKeySource ?? RestDefaults.ApiKeySourceHeader,
                EndpointConfiguration = content.Api.EndpointConfiguration ?? new RestEndpointConfiguration { Types = [RestDefaults.EndpointTypeEdge] },
            },
        }, keepIds: false);
        await state.WriteStateOrReloadAsync(this);
        await PublishApiChanged();
        return Api;
    }

    public Task<RestApiContent> GetContent()
    {
        var api = Api;
        return Task.FromResult(new RestApiContent
        {
            Api = api,
            Resources = [.. state.State.Resources.Values.OrderBy(r => r.Path, StringComparer.Ordinal)],
            Models = [.. state.State.Models.Values],
            RequestValidators = [.. state.State.RequestValidators.Values],
            GatewayResponses = [.. state.State.GatewayResponses.Values],
            Authorizers = [.. state.State.Authorizers.Values],
        });
    }

    public async Task<RestApiDefinition> PutContent(RestApiContent content, string mode)
    {
        var api = Api;
        if (mode is not ("overwrite" or "merge"))
        {
            throw ApiGatewayException.BadRequest($"Invalid mode specified: {mode}. Must be one of: [merge, overwrite]");
        }

        var incoming = content with
        {
            Api = content.Api with
            {
                Id = RestApiId,
                CreatedDate = api.CreatedDate,
                RootResourceId = api.RootResourceId,
                Tags = api.Tags,
                Name = string.IsNullOrEmpty(content.Api.Name) ? api.Name : content.Api.Name,
                ApiKeySource = content.Api.ApiKeySource ?? api.ApiKeySource,
                EndpointConfiguration = content.Api.EndpointConfiguration ?? api.EndpointConfiguration,
            },
        };
        var next = mode == "overwrite" ? StateFrom(incoming, keepIds: false) : Merge(incoming);
        next.Deployments = state.State.Deployments;
        next.Stages = state.State.Stages;
        state.State = next;
        await state.WriteStateOrReloadAsync(this);
        await PublishApiChanged();
        return Api;
    }

    public Task<RestApiDefinition> Get() => Task.FromResult(Api);

    public Task<RestApiDefinition?> Find() => Task.FromResult(state.State.Api);

    public async Task<RestApiDefinition> Update(List<PatchOperation> operations)
    {
        var api = Api;
        var binaryMediaTypes = new List<string>(api.BinaryMediaTypes ?? []);
        var others = new List<PatchOperation>();
        foreach (var operation in operations)
        {
            // A media type is named in the path (/binaryMediaTypes/image~1png), not in the value.
            if (operation.Path?.StartsWith("/binaryMediaTypes/", StringComparison.Ordinal) == true)
            {
                var mediaType = PatchPath.Unescape(operation.Path["/binaryMediaTypes/".Length..]);
                switch (operation.Op)
                {
                    case "add":
                        if (!binaryMediaTypes.Contains(mediaType))
                        {
                            binaryMediaTypes.Add(mediaType);
                        }

                        break;
                    case "remove":
                        binaryMediaTypes.Remove(mediaType);
                        break;
                    case "replace" when operation.Value is { } replacement:
                        binaryMediaTypes.Remove(mediaType);
                        binaryMediaTypes.Add(replacement);
                        break;
                    default:
                        throw PatchErrors.UnsupportedOp(operation.Path, operation.Op);
                }
            }
            else if (operation.Path == "/binaryMediaTypes")
            {
                throw PatchErrors.InvalidPath(operation.Path);
            }
            else if (operation.Path == "/minimumCompressionSize" && operation.Op != "replace")
            {
                throw PatchErrors.InvalidOperation(["replace"]);
            }
            else
            {
                others.Add(operation);
            }
        }

        var updated = JsonPatcher.Apply(api, others, ApiRules) with { BinaryMediaTypes = binaryMediaTypes.Count > 0 ? binaryMediaTypes : null };
        if (string.IsNullOrEmpty(updated.Name))
        {
            throw ApiGatewayException.BadRequest("Invalid REST API name specified");
        }

        CheckCompressionSize(updated.MinimumCompressionSize);
        CheckApiKeySource(updated.ApiKeySource);
        state.State.Api = updated with { Id = api.Id, RootResourceId = api.RootResourceId, CreatedDate = api.CreatedDate };
        await state.WriteStateOrReloadAsync(this);
        await PublishApiChanged();
        return Api;
    }

    public async Task Delete()
    {
        EnsureExists();
        foreach (var stageName in state.State.Stages)
        {
            await Stage(stageName).Delete();
        }

        foreach (var deploymentId in state.State.Deployments.Keys)
        {
            await Deployment(deploymentId).Delete();
        }

        await state.ClearStateOrReloadAsync(this);
        await grains.GetGrain<IApiRegistryGrain>(0).Remove(RestApiId);
        await PublishApiChanged();
        DeactivateOnIdle();
    }

    private void EnsureExists() => _ = Api;

    /// <summary>For the calls AWS answers with another error than <see cref="RestApiErrors.ApiNotFound"/> when the API does not exist.</summary>
    private void EnsureExists(Func<ApiGatewayException> missing)
    {
        if (state.State.Api is null)
        {
            throw missing();
        }
    }

    private void EnsureNew()
    {
        if (state.State.Api is not null)
        {
            throw ApiGatewayException.Conflict($"REST API {RestApiId} already exists");
        }
    }

    private static void CheckCompressionSize(int? size)
    {
        if (size is < 0 or > 10485760)
        {
            throw ApiGatewayException.BadRequest("Invalid minimum compression size, must be between 0 and 10485760");
        }
    }

    private static void CheckApiKeySource(string? source)
    {
        if (source is not (null or "HEADER" or "AUTHORIZER"))
        {
            throw ApiGatewayException.BadRequest($"Invalid API key source specified: {source}. Valid options are HEADER, AUTHORIZER");
        }
    }

    private IRestStageGrain Stage(string stageName) => grains.GetGrain<IRestStageGrain>($"{RestApiId}/{stageName}");

    private IRestDeploymentGrain Deployment(string deploymentId) => grains.GetGrain<IRestDeploymentGrain>($"{RestApiId}/{deploymentId}");

    private Task PublishApiChanged() => grains.GetGrain<IEdgeDirectoryGrain>(0).PublishApiChanged(RestApiId);
}
