using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansGateway.Edge.ControlPlane;

/// <summary>
/// The one JSON setup of the apigatewayv2 wire: camelCase members (the model records' property
/// names), nulls left out, timestamps as AWS's <c>__timestampIso8601</c>.
/// </summary>
public static class WireJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new Iso8601TimestampConverter() },
    };
}
