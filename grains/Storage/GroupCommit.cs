namespace OrleansGateway.Storage;

/// <summary>
/// Group commit for a reentrant grain: changes queued while one write is in flight share the next
/// write, so a storm of small changes costs a few writes, not one each. A change is applied to the
/// state only when its batch is written (never during a write, so a write never serializes a state
/// being changed), and a caller's task completes when that write succeeded. A failed write fails
/// its whole batch and reloads the state (<see cref="PersistentStateExtensions"/>).
/// </summary>
public sealed class GroupCommit<T>(IPersistentState<T> state, IGrainBase grain)
{
    private List<Action<T>> _pending = [];
    private TaskCompletionSource? _batch;
    private bool _writing;

    /// <summary>When true for the state about to be written, the state is cleared instead.</summary>
    public Func<T, bool>? ClearWhen { get; init; }

    /// <summary>Changes queued and not yet written.</summary>
    public bool HasPending => _pending.Count > 0;

    /// <summary>Queues a change; completes once a write holding it succeeded.</summary>
    public Task Enqueue(Action<T> change)
    {
        _pending.Add(change);
        var batch = _batch ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_writing)
        {
            _writing = true;
            _ = WriteLoopAsync();
        }

        return batch.Task;
    }

    private async Task WriteLoopAsync()
    {
        // Calls already waiting for this activation join the first batch.
        await Task.Yield();
        while (_batch is { } batch)
        {
            var changes = _pending;
            _pending = [];
            _batch = null;
            foreach (var change in changes)
            {
                change(state.State);
            }

            try
            {
                if (ClearWhen?.Invoke(state.State) == true)
                {
                    await state.ClearStateOrReloadAsync(grain);
                }
                else
                {
                    await state.WriteStateOrReloadAsync(grain);
                }

                batch.SetResult();
            }
            catch (Exception e)
            {
                batch.SetException(e);
            }
        }

        _writing = false;
    }
}
