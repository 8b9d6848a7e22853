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

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.ApiIds.Count == 0)
        {
            return;
        }

        // State written before protocol types were kept: ask each API once.
        foreach (var apiId in state.State.ApiIds)
        {
            if (await grains.GetGrain<IApiGrain>(apiId).GetRuntimeSummary() is { } summary)
            {
                state.State.Apis[apiId] = summary.ProtocolType;
            }
        }

        state.State.ApiIds.Clear();
        state.State.Version++;
        await state.WriteStateOrReloadAsync(this);
    }

    public async Task<ApiDefinition> CreateApi(ApiInput input)
    {
        var apiId = ResourceIds.Unique(ResourceIds.Api, state.State.Apis.ContainsKey);
        var api = await grains.GetGrain<IApiGrain>(apiId).Create(input);
        await Change(apis => apis[apiId] = api.ProtocolType);
        return api;
    }

    public Task<List<string>> GetApiIds() => Task.FromResult(state.State.Apis.Keys.Order(StringComparer.Ordinal).ToList());

    public Task<ApiDirectory> GetDirectory() => Task.FromResult(_directory ??= new ApiDirectory
    {
        Version = state.State.Version,
        Apis = new Dictionary<string, string>(state.State.Apis, StringComparer.Ordinal),
    });

    public Task<long> GetDirectoryVersion() => Task.FromResult(state.State.Version);

    public async Task Remove(string apiId)
    {
        if (state.State.Apis.ContainsKey(apiId))
        {
            await Change(apis => apis.Remove(apiId));
        }
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
