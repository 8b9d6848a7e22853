using OrleansGateway.Storage;

namespace OrleansGateway.HttpApis;

/// <summary>Hands out apiIds and remembers which APIs exist, for GetApis.</summary>
public sealed class ApiRegistryGrain(
    [PersistentState("state", StorageNames.Gateway)] IPersistentState<ApiRegistryState> state,
    IGrainFactory grains) : Grain, IApiRegistryGrain
{
    public async Task<ApiDefinition> CreateApi(ApiInput input)
    {
        var apiId = ResourceIds.Unique(ResourceIds.Api, state.State.ApiIds.Contains);
        var api = await grains.GetGrain<IApiGrain>(apiId).Create(input);
        state.State.ApiIds.Add(apiId);
        await state.WriteStateOrReloadAsync(this);
        return api;
    }

    public Task<List<string>> GetApiIds() => Task.FromResult(state.State.ApiIds.Order(StringComparer.Ordinal).ToList());

    public async Task Remove(string apiId)
    {
        if (state.State.ApiIds.Remove(apiId))
        {
            await state.WriteStateOrReloadAsync(this);
        }
    }
}
