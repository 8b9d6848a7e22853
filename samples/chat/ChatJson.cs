using System.Text.Json.Serialization;

namespace OrleansGateway.Samples.Chat;

/// <summary>Source-generated JSON for the messages in and the events out (the slim builder has no reflection-based setup).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChatMessage))]
[JsonSerializable(typeof(ChatEvent))]
internal sealed partial class ChatJson : JsonSerializerContext;
