using OrleansGateway.RestApis;

namespace OrleansGateway.Edge.DataPlane.Rest;

/// <summary>
/// One stage an edge knows a REST API has: its stage grain's key (built once, not per request) and
/// the load of its tables, shared by every request that needs it. Null until first asked for, and
/// again after a push said the stage changed; a failed load is forgotten so the next request retries.
/// </summary>
public sealed class RestStageSlot(string apiId, string stageName)
{
    private Task<RestStageTables?>? _tables;

    public string StageName { get; } = stageName;

    /// <summary>The key of the stage's <see cref="IRestStageGrain"/>, <c>{restApiId}/{stageName}</c>.</summary>
    public string GrainKey { get; } = $"{apiId}/{stageName}";

    public Task<RestStageTables?>? Tables => Volatile.Read(ref _tables);

    /// <summary>The load in flight or done, or <paramref name="load"/> started now when there is none.</summary>
    public Task<RestStageTables?> JoinOrStart(Func<RestStageSlot, Task<RestStageTables?>> load)
    {
        while (true)
        {
            if (Volatile.Read(ref _tables) is { } current)
            {
                return current;
            }

            var started = new TaskCompletionSource<RestStageTables?>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (Interlocked.CompareExchange(ref _tables, started.Task, null) is null)
            {
                _ = CompleteAsync(started, load);
                return started.Task;
            }
        }
    }

    /// <summary>Replaces <paramref name="expected"/> (what revalidation compared) unless a push or request moved it first.</summary>
    public bool TryReplace(Task<RestStageTables?> expected, RestStageTables? fresh) =>
        Interlocked.CompareExchange(ref _tables, Task.FromResult(fresh), expected) == expected;

    /// <summary>The stage changed: the next request loads it again.</summary>
    public void Reset() => Volatile.Write(ref _tables, null);

    private async Task CompleteAsync(TaskCompletionSource<RestStageTables?> started, Func<RestStageSlot, Task<RestStageTables?>> load)
    {
        try
        {
            started.SetResult(await load(this));
        }
        catch (Exception e)
        {
            _ = Interlocked.CompareExchange(ref _tables, null, started.Task);
            started.SetException(e);
        }
    }
}
