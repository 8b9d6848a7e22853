using OrleansGateway.Errors;
using OrleansGateway.Storage;

namespace OrleansGateway.RestApis;

/// <summary>A REST deployment's frozen snapshot. Written once; only deleting the deployment removes it.</summary>
public sealed class RestDeploymentGrain(
    [PersistentState("state", StorageNames.Gateway)] IPersistentState<RestDeploymentState> state) : Grain, IRestDeploymentGrain
{
    public async Task Create(RestDeploymentSnapshot snapshot)
    {
        if (state.State.Snapshot is not null)
        {
            throw ApiGatewayException.Conflict($"Deployment {this.GetPrimaryKeyString()} already exists");
        }

        state.State.Snapshot = snapshot;
        await state.WriteStateOrReloadAsync(this);
    }

    public Task<RestDeploymentSnapshot?> GetSnapshot() => Task.FromResult(state.State.Snapshot);

    public async Task Delete()
    {
        await state.ClearStateOrReloadAsync(this);
        DeactivateOnIdle();
    }
}
