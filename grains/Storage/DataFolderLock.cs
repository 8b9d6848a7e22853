namespace OrleansGateway.Storage;

/// <summary>
/// An exclusive lock on <c>{root}/.lock</c>, held from silo start to silo stop. Two processes
/// writing one folder would each trust their own cached ETags and overwrite the other's state,
/// so the second one is refused at start instead. On Linux and macOS .NET takes an advisory
/// <c>flock</c> for <see cref="FileShare.None"/>; on Windows the share mode itself excludes.
/// </summary>
public sealed class DataFolderLock(string root) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    public const string FileName = ".lock";

    private FileStream? _file;

    public void Participate(ISiloLifecycle lifecycle) => lifecycle.Subscribe(
        nameof(DataFolderLock),
        ServiceLifecycleStage.RuntimeInitialize,
        _ =>
        {
            Acquire();
            return Task.CompletedTask;
        },
        _ =>
        {
            Dispose();
            return Task.CompletedTask;
        });

    /// <summary>
    /// Takes the lock, creating the folder if needed, and clears what a killed holder left half
    /// written; throws <see cref="DataFolderInUseException"/> when another process holds it.
    /// </summary>
    public void Acquire()
    {
        if (_file is not null)
        {
            return;
        }

        Directory.CreateDirectory(root);
        try
        {
            // Opened for reading only: an open writable file would keep the folder's file system from being remounted read-only.
            _file = new FileStream(Path.Combine(root, FileName), FileMode.OpenOrCreate, FileAccess.Read, FileShare.None);
        }
        catch (IOException e) when (IsHeldElsewhere(e))
        {
            throw new DataFolderInUseException(root, e);
        }

        FileGrainStorage.RemoveTemporaries(root);
    }

    public void Dispose()
    {
        _file?.Dispose();
        _file = null;
    }

    // What .NET reports when the lock is taken: EWOULDBLOCK from flock (Linux 11, macOS 35), or a
    // sharing or lock violation on Windows. Other I/O errors (a read-only disk) keep their own message.
    private static bool IsHeldElsewhere(IOException e) => e.GetType() == typeof(IOException)
        && e.HResult is 11 or 35 or unchecked((int)0x80070020) or unchecked((int)0x80070021);
}
