using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.WebSockets;

/// <summary>One embedded edge and one recording integration backend, shared by a test class.</summary>
public class WebSocketEdgeFixture : EmbeddedEdgeFixture
{
    public RecordingBackend Recorder { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        Recorder = await RecordingBackend.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Recorder.DisposeAsync();
    }
}
