namespace OrleansGateway.EndToEnd.Tests.Infrastructure;

/// <summary>One embedded edge and one echo backend shared by a test class (xunit v3 class fixture).</summary>
public class EmbeddedEdgeFixture : IAsyncLifetime
{
    public EdgeHost Edge { get; private set; } = null!;

    public EchoBackend Backend { get; private set; } = null!;

    /// <summary>Configuration the edge starts with, besides its ports and data folder.</summary>
    protected virtual IReadOnlyDictionary<string, string>? Environment => null;

    public virtual async ValueTask InitializeAsync()
    {
        Backend = await EchoBackend.StartAsync();
        Edge = await EdgeHost.StartAsync(environment: Environment);
    }

    public virtual async ValueTask DisposeAsync()
    {
        await Edge.DisposeAsync();
        await Backend.DisposeAsync();
    }
}
