namespace OrleansGateway.Cluster.Tests.Infrastructure;

/// <summary>Just Azurite, for tests that start their own (mis)configured hosts against it.</summary>
public sealed class StorageFixture : IAsyncLifetime
{
    public AzuriteHost Storage { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Storage = await AzuriteHost.StartAsync();

    public async ValueTask DisposeAsync() => await Storage.DisposeAsync();
}
