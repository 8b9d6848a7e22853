using System.Text.Json.Serialization;

namespace OrleansGateway.Samples.EchoBackend;

/// <summary>Source-generated JSON for the reply (the slim builder has no reflection-based serializer setup).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(EchoReply))]
internal sealed partial class EchoJson : JsonSerializerContext;
