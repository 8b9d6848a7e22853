using OrleansGateway.Errors;
using OrleansGateway.Storage;

namespace OrleansGateway.HttpApis;

/// <summary>A deployment's frozen snapshot. Written once; only deleting the deployment removes it.</summary>
public sealed class DeploymentGrain(
    [PersistentState("state", StorageNames.Gateway)] IPersistentState<DeploymentState> state) : Grain, IDeploymentGrain
{
    public async Task Create(DeploymentSnapshot snapshot)
    {
        if (state.State.Snapshot is not null)
        {
            throw ApiGatewayException.Conflict($"Deployment {this.GetPrimaryKeyString()} already exists");
        }

        state.State.Snapshot = snapshot;
        await state.WriteStateOrReloadAsync(this);
    }

    public Task<DeploymentSnapshot?> GetSnapshot() => Task.FromResult(state.State.Snapshot);

    public async Task Delete()
    {
        await state.ClearStateOrReloadAsync(this);
        DeactivateOnIdle();
    }
}
