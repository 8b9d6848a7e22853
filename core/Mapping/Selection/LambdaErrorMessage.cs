using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrleansGateway.Mapping.Selection;

/// <summary>Reads the <c>errorMessage</c> of a Lambda function error payload, the value AWS selects on.</summary>
public static class LambdaErrorMessage
{
    public static string? From(string? payload)
    {
        if (string.IsNullOrWhiteSpace(payload))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(payload) is JsonObject error && error["errorMessage"] is JsonValue message
                && message.GetValueKind() == JsonValueKind.String
                ? message.GetValue<string>()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
