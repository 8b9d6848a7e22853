using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansGateway.Edge.ControlPlane.RestApis;

/// <summary>rest-json's default <c>unixTimestamp</c>, which apigateway (v1) uses: whole seconds since the epoch, a JSON number.</summary>
public sealed class EpochSecondsTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(double.Parse(reader.GetString()!, CultureInfo.InvariantCulture) * 1000))
            : DateTimeOffset.FromUnixTimeMilliseconds((long)(reader.GetDouble() * 1000));

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeSeconds());
}
