using System.Collections.Concurrent;
using Orleans.Storage;

namespace OrleansGateway.Grains.Tests.WebSockets;

/// <summary>The real storage, counting writes and clears per grain, each write held for <see cref="WriteDelay"/> (a slow disk or a remote blob).</summary>
public sealed class CountingGrainStorage(IGrainStorage inner) : IGrainStorage
{
    private readonly ConcurrentDictionary<GrainId, int> _writes = new();
    private readonly ConcurrentDictionary<GrainId, int> _clears = new();

    public TimeSpan WriteDelay { get; init; }

    public int WritesOf(GrainId grainId) => _writes.GetValueOrDefault(grainId);

    public int ClearsOf(GrainId grainId) => _clears.GetValueOrDefault(grainId);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _writes.AddOrUpdate(grainId, 1, (_, count) => count + 1);
        await Task.Delay(WriteDelay);
        await inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _clears.AddOrUpdate(grainId, 1, (_, count) => count + 1);
        return inner.ClearStateAsync(stateName, grainId, grainState);
    }
}
