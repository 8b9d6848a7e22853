namespace OrleansGateway.EndToEnd.Tests.Infrastructure;

/// <summary>One embedded edge and one echo backend shared by a test class (xunit v3 class fixture).</summary>
public sealed class EmbeddedEdgeFixture : IAsyncLifetime
{
    public EdgeHost Edge { get; private set; } = null!;

    public EchoBackend Backend { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Backend = await EchoBackend.StartAsync();
        Edge = await EdgeHost.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Edge.DisposeAsync();
        await Backend.DisposeAsync();
    }
}
