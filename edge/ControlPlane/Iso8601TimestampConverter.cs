using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansGateway.Edge.ControlPlane;

/// <summary>AWS's <c>__timestampIso8601</c>: UTC, whole seconds, <c>2026-11-25T15:40:18Z</c>.</summary>
public sealed class Iso8601TimestampConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
}
