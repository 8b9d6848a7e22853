namespace OrleansGateway.Storage;

/// <summary>
/// How every grain writes its state. Grains change their <c>state.State</c> and
/// then write it; when the write fails, the change must not outlive the failed call: it would be
/// served, persisted by a later write, and a version number given to it could be reused for other
/// content. So on failure the state is read back from storage (what storage holds is the truth,
/// whether or not the failed write reached it) and the activation is deactivated once the call
/// ends, so the next call starts from storage even if reading back failed too.
/// </summary>
public static class PersistentStateExtensions
{
    /// <summary>Writes the state; on failure restores it from storage, deactivates the grain and rethrows.</summary>
    public static async Task WriteStateOrReloadAsync<T>(this IPersistentState<T> state, IGrainBase grain)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            await ReloadAsync(state, grain);
            throw;
        }
    }

    /// <summary>Clears the state; on failure restores it from storage, deactivates the grain and rethrows.</summary>
    public static async Task ClearStateOrReloadAsync<T>(this IPersistentState<T> state, IGrainBase grain)
    {
        try
        {
            await state.ClearStateAsync();
        }
        catch
        {
            await ReloadAsync(state, grain);
            throw;
        }
    }

    private static async Task ReloadAsync<T>(IPersistentState<T> state, IGrainBase grain)
    {
        grain.DeactivateOnIdle();
        try
        {
            await state.ReadStateAsync();
        }
        catch (Exception)
        {
            // Storage cannot be read either: the deactivation above makes the next call read it again.
        }
    }
}
