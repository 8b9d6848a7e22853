using System.Text.Json.Serialization;

namespace OrleansGateway.Bench.WebSocketServer;

[JsonSerializable(typeof(BroadcastResult))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
