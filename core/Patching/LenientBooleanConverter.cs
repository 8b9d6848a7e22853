using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansGateway.Patching;

/// <summary>Patch values are strings on the wire: <c>"true"</c> sets a boolean member, as AWS reads it.</summary>
public sealed class LenientBooleanConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.String when bool.TryParse(reader.GetString(), out var value) => value,
        _ => throw new JsonException($"Invalid boolean value: {(reader.TokenType == JsonTokenType.String ? reader.GetString() : reader.TokenType.ToString())}"),
    };

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}
