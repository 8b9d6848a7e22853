using Orleans.Storage;
using OrleansGateway.Storage;

namespace OrleansGateway.Grains.Tests;

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
