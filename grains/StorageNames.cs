namespace OrleansGateway;

/// <summary>Names of the grain storage providers the silos register.</summary>
public static class StorageNames
{
    /// <summary>API definitions, stages, deployments: everything that must survive a restart.</summary>
    public const string Gateway = "gateway";
}
