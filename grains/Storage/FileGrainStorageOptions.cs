namespace OrleansGateway.Storage;

/// <summary>Where embedded mode keeps grain state (<c>Gateway:Storage:Path</c>, default <c>./data</c>).</summary>
public sealed class FileGrainStorageOptions
{
    public string RootDirectory { get; set; } = "data";
}
