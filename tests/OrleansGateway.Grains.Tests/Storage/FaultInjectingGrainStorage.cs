using Orleans.Storage;

namespace OrleansGateway.Grains.Tests.Storage;

/// <summary>The real storage, except that writes and clears fail (as a full disk would) while <see cref="StorageFaults.FailWrites"/> is on.</summary>
public sealed class FaultInjectingGrainStorage(IGrainStorage inner, StorageFaults faults) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ThrowIfFailing();
        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ThrowIfFailing();
        return inner.ClearStateAsync(stateName, grainId, grainState);
    }

    private void ThrowIfFailing()
    {
        if (faults.FailWrites)
        {
            faults.CountFailure();
            throw new IOException("No space left on device (injected)");
        }
    }
}
