using System.Globalization;
using Orleans.Storage;

namespace OrleansGateway.Storage;

/// <summary>
/// Grain state as one file per grain under a root folder. A write goes to a temporary file that
/// is flushed to disk and then renamed over the old one, so a crash at any point leaves either
/// the old state or the new, never a torn file; the directory is flushed after the rename, and a
/// failed write leaves no temporary file behind. The ETag is a per-file version counter.
/// <see cref="DataFolderLock"/> keeps a second process off the same folder.
/// </summary>
public sealed class FileGrainStorage(FileGrainStorageOptions options, IGrainStorageSerializer serializer) : IGrainStorage
{
    private const int HeaderLength = sizeof(long);
    private const string TemporarySuffix = ".tmp";

    /// <summary>
    /// Removes the temporaries of writes a killed process left behind. Only the holder of the
    /// folder's <see cref="DataFolderLock"/> may call it: another writer's temporaries are live.
    /// </summary>
    public static void RemoveTemporaries(string rootDirectory)
    {
        foreach (var temporary in Directory.EnumerateFiles(rootDirectory, "*" + TemporarySuffix, SearchOption.AllDirectories))
        {
            File.Delete(temporary);
        }
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        if (!File.Exists(path))
        {
            grainState.RecordExists = false;
            grainState.ETag = null;
            grainState.State = Activator.CreateInstance<T>();
            return;
        }

        var bytes = await File.ReadAllBytesAsync(path);
        var version = BitConverter.ToInt64(bytes, 0);
        grainState.State = serializer.Deserialize<T>(new BinaryData(bytes.AsMemory(HeaderLength)));
        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        CheckETag(path, grainState.ETag, grainId);
        var version = grainState.ETag is null ? 1 : long.Parse(grainState.ETag, CultureInfo.InvariantCulture) + 1;
        var payload = serializer.Serialize(grainState.State);

        var directory = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory);
            DirectorySync.Flush(options.RootDirectory);
        }

        var temporary = path + "." + Guid.NewGuid().ToString("N") + TemporarySuffix;
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await file.WriteAsync(BitConverter.GetBytes(version));
                await file.WriteAsync(payload.ToMemory());
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            DeleteTemporary(temporary);
            throw;
        }

        // The rename is durable only once the directory's entry is on disk too.
        DirectorySync.Flush(directory);
        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        CheckETag(path, grainState.ETag, grainId);
        if (File.Exists(path))
        {
            File.Delete(path);
            DirectorySync.Flush(Path.GetDirectoryName(path)!);
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
        return Task.CompletedTask;
    }

    // A full disk must not also fill up with half-written temporaries; the write's own error is the one to report.
    private static void DeleteTemporary(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void CheckETag(string path, string? expected, GrainId grainId)
    {
        string? actual = null;
        if (File.Exists(path))
        {
            using var file = File.OpenRead(path);
            Span<byte> header = stackalloc byte[HeaderLength];
            file.ReadExactly(header);
            actual = BitConverter.ToInt64(header).ToString(CultureInfo.InvariantCulture);
        }

        if (actual != expected)
        {
            throw new InconsistentStateException($"Version conflict writing {grainId}", actual, expected);
        }
    }

    private string PathOf(string stateName, GrainId grainId) => Path.Combine(
        options.RootDirectory,
        Uri.EscapeDataString(grainId.Type.ToString()!),
        Uri.EscapeDataString(grainId.Key.ToString()!) + "." + Uri.EscapeDataString(stateName) + ".bin");
}
