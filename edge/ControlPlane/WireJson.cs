using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansGateway.Edge.ControlPlane;

/// <summary>
/// The one JSON setup of the apigatewayv2 wire: camelCase members (the model records' property
/// names), nulls left out, timestamps as AWS's <c>__timestampIso8601</c>. Text is escaped only where
/// JSON needs it, as AWS writes it: a connection ID's <c>+</c> or a description's <c>&amp;</c> is not
/// turned into <c>\u002B</c> (these answers are <c>application/json</c>, never HTML).
/// </summary>
public static class WireJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new Iso8601TimestampConverter() },
    };
}
