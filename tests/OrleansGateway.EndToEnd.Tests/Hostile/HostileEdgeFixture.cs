using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.Hostile;

/// <summary>
/// An embedded edge whose client timeouts are short, so slow-client cases end within seconds, and an
/// echo backend. The limits are the gateway's own configuration keys, as an operator would set them.
/// </summary>
public sealed class HostileEdgeFixture : IAsyncLifetime
{
    public EdgeHost Edge { get; private set; } = null!;

    public EchoBackend Backend { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Backend = await EchoBackend.StartAsync();
        Edge = await EdgeHost.StartAsync(environment: new Dictionary<string, string>
        {
            ["Gateway__DataPlane__RequestHeadersTimeout"] = "00:00:02",
            ["Gateway__DataPlane__MinDataRateGracePeriod"] = "00:00:02",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Edge.DisposeAsync();
        await Backend.DisposeAsync();
    }
}
