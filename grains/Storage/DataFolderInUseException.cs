namespace OrleansGateway.Storage;

/// <summary>Another process holds the lock of the data folder this process was told to use.</summary>
public sealed class DataFolderInUseException(string path, Exception inner)
    : IOException($"the data folder {path} is in use by another gateway process; give each process its own Gateway__Storage__Path", inner)
{
    public string Path { get; } = path;
}
