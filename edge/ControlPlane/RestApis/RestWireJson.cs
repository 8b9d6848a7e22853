using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansGateway.Edge.ControlPlane.RestApis;

/// <summary>
/// The one JSON setup of the apigateway (v1) wire: lower-camel members (the model records' wire
/// names), nulls left out, timestamps as epoch seconds (rest-json's default), text escaped only
/// where JSON needs it, as <see cref="WireJson"/> does for apigatewayv2.
/// </summary>
public static class RestWireJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new EpochSecondsTimestampConverter() },
    };
}
