using OrleansGateway.RestApis;
using OrleansGateway.Routing;
using OrleansGateway.Storage;

namespace OrleansGateway.HttpApis;

/// <summary>
/// Hands out apiIds and remembers which APIs exist and their protocol types, for GetApis and for
/// the edges' <see cref="ApiDirectory"/>. Every change bumps the version and tells the edges.
/// </summary>
public sealed class ApiRegistryGrain(
    [PersistentState("state", StorageNames.Gateway)] IPersistentState<ApiRegistryState> state,
    IGrainFactory grains) : Grain, IApiRegistryGrain
{
    private ApiDirectory? _directory;

    public async Task<ApiDefinition> CreateApi(ApiInput input)
    {
        await EnsureMigrated();
        var apiId = ResourceIds.Unique(ResourceIds.Api, state.State.Apis.ContainsKey);
        var api = await grains.GetGrain<IApiGrain>(apiId).Create(input);
        await Change(apis => apis[apiId] = api.ProtocolType);
        return api;
    }

    public async Task<RestApiDefinition> CreateRestApi(RestApiInput input)
    {
        await EnsureMigrated();
        var restApiId = ResourceIds.Unique(ResourceIds.Api, state.State.Apis.ContainsKey);
        var api = await grains.GetGrain<IRestApiGrain>(restApiId).Create(input);
        await Change(apis => apis[restApiId] = ProtocolTypes.Rest);
        return api;
    }

    public async Task<RestApiDefinition> ImportRestApi(RestApiContent content)
    {
        await EnsureMigrated();
        var restApiId = ResourceIds.Unique(ResourceIds.Api, state.State.Apis.ContainsKey);
        var api = await grains.GetGrain<IRestApiGrain>(restApiId).Import(content);
        await Change(apis => apis[restApiId] = ProtocolTypes.Rest);
        return api;
    }

    public async Task<List<string>> GetApiIds()
    {
        await EnsureMigrated();
        return state.State.Apis.Keys.Order(StringComparer.Ordinal).ToList();
    }

    public async Task<ApiDirectory> GetDirectory()
    {
        await EnsureMigrated();
        return _directory ??= new ApiDirectory
        {
            Version = state.State.Version,
            Apis = new Dictionary<string, string>(state.State.Apis, StringComparer.Ordinal),
        };
    }

    public async Task<long> GetDirectoryVersion()
    {
        await EnsureMigrated();
        return state.State.Version;
    }

    public async Task Remove(string apiId)
    {
        // The API being deleted is waiting for this call: asking it for its protocol type would deadlock.
        await EnsureMigrated(except: apiId);
        if (state.State.Apis.ContainsKey(apiId))
        {
            await Change(apis => apis.Remove(apiId));
        }
    }

    /// <summary>
    /// State written before protocol types were kept lists bare IDs: each API is asked once, on the
    /// first call after the upgrade (not on activation, where the caller may be one of those APIs).
    /// </summary>
    private async Task EnsureMigrated(string? except = null)
    {
        if (state.State.ApiIds.Count == 0)
        {
            return;
        }

        var apis = new Dictionary<string, string>(state.State.Apis, StringComparer.Ordinal);
        foreach (var apiId in state.State.ApiIds)
        {
            if (apiId != except && await grains.GetGrain<IApiGrain>(apiId).GetRuntimeSummary() is { } summary)
            {
                apis[apiId] = summary.ProtocolType;
            }
        }

        state.State = new ApiRegistryState { Apis = apis, Version = state.State.Version + 1 };
        await state.WriteStateOrReloadAsync(this);
        _directory = null;
    }

    /// <summary>Applies a change, writes it with a new version and tells the edges; a failed write leaves nothing changed (see <see cref="PersistentStateExtensions"/>).</summary>
    private async Task Change(Action<Dictionary<string, string>> change)
    {
        var previous = state.State;
        var apis = new Dictionary<string, string>(previous.Apis, StringComparer.Ordinal);
        change(apis);
        state.State = new ApiRegistryState { Apis = apis, Version = previous.Version + 1 };
        await state.WriteStateOrReloadAsync(this);

        _directory = null;
        await grains.GetGrain<IEdgeDirectoryGrain>(0).PublishApiDirectoryChanged(state.State.Version);
    }
}
