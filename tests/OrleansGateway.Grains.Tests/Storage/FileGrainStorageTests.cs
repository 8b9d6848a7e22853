using Orleans.Storage;
using OrleansGateway.Storage;

namespace OrleansGateway.Grains.Tests.Storage;

public sealed class FileGrainStorageTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "og-storage-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task WriteThenRead_RoundTripsStateAndRejectsStaleETag()
    {
        var storage = new FileGrainStorage(new FileGrainStorageOptions { RootDirectory = _root }, new JsonLikeSerializer());
        var id = GrainId.Create("api", "abc/def");
        var state = new GrainState<string> { State = "first" };
        await storage.WriteStateAsync("state", id, state);

        var read = new GrainState<string>();
        await storage.ReadStateAsync("state", id, read);
        Assert.Equal("first", read.State);
        Assert.True(read.RecordExists);

        read.State = "second";
        await storage.WriteStateAsync("state", id, read);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("state", id, state));
        Assert.Empty(Directory.GetFiles(_root, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task FailedWrite_LeavesNoTemporaryFile_AndTheOldStateReadable()
    {
        var storage = new FileGrainStorage(new FileGrainStorageOptions { RootDirectory = _root }, new JsonLikeSerializer());
        var kept = GrainId.Create("api", "kept");
        await storage.WriteStateAsync("state", kept, new GrainState<string> { State = "kept" });
        var blocked = GrainId.Create("api", "blocked");

        // A directory where the state file belongs: the temporary is written, the rename over it fails.
        var target = Path.Combine(_root, "api", "blocked.state.bin");
        Directory.CreateDirectory(target);
        await Assert.ThrowsAnyAsync<IOException>(() => storage.WriteStateAsync("state", blocked, new GrainState<string> { State = "lost" }));

        Assert.Empty(Directory.GetFiles(_root, "*.tmp", SearchOption.AllDirectories));
        var read = new GrainState<string>();
        await storage.ReadStateAsync("state", kept, read);
        Assert.Equal("kept", read.State);
    }

    [Fact]
    public void DataFolderLock_RefusesASecondHolder_UntilTheFirstLetsGo_AndClearsLeftoverTemporaries()
    {
        var leftover = Path.Combine(_root, "api", "killed.state.bin.0123.tmp");
        Directory.CreateDirectory(Path.GetDirectoryName(leftover)!);
        File.WriteAllText(leftover, "half written");
        using var first = new DataFolderLock(_root);
        first.Acquire();
        Assert.False(File.Exists(leftover));
        using var second = new DataFolderLock(_root);

        var refused = Assert.Throws<DataFolderInUseException>(second.Acquire);
        Assert.Equal(_root, refused.Path);
        Assert.Contains(_root, refused.Message);

        first.Dispose();
        second.Acquire();
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private sealed class JsonLikeSerializer : IGrainStorageSerializer
    {
        public BinaryData Serialize<T>(T? input) => BinaryData.FromObjectAsJson(input);

        public T Deserialize<T>(BinaryData input) => input.ToObjectFromJson<T>()!;
    }
}
