using System.Globalization;
using Orleans.Storage;

namespace OrleansGateway.Storage;

/// <summary>
/// Grain state as one file per grain under a root folder. A write goes to a temporary file that
/// is flushed to disk and then renamed over the old one, so a crash at any point leaves either
/// the old state or the new, never a torn file. The ETag is a per-file version counter.
/// </summary>
public sealed class FileGrainStorage(FileGrainStorageOptions options, IGrainStorageSerializer serializer) : IGrainStorage
{
    private const int HeaderLength = sizeof(long);

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

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
        {
            await file.WriteAsync(BitConverter.GetBytes(version));
            await file.WriteAsync(payload.ToMemory());
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        CheckETag(path, grainState.ETag, grainId);
        File.Delete(path);
        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
        return Task.CompletedTask;
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
