using OrleansGateway.HttpApis;

namespace OrleansGateway.WebSockets;

/// <summary>A WebSocket stage's routes, compiled once per stage version.</summary>
public sealed class WebSocketRouteTable
{
    private WebSocketRouteTable(StageRuntime runtime)
    {
        Version = runtime.Version;
        Routes = runtime.Deployment?.Routes.ToDictionary(r => r.RouteKey, StringComparer.Ordinal) ?? [];
    }

    public long Version { get; }

    public Dictionary<string, RouteDefinition> Routes { get; }

    public static WebSocketRouteTable Compile(StageRuntime runtime) => new(runtime);
}
