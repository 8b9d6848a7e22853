using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrleansGateway.Mapping.Selection;

/// <summary>
/// The status code a MOCK integration answers with: the <c>statusCode</c> its request template
/// wrote (<c>{"statusCode": 200}</c>), 200 when the body names none.
/// </summary>
public static class MockIntegrationStatus
{
    public static int From(string? integrationRequestBody)
    {
        try
        {
            if (!string.IsNullOrWhiteSpace(integrationRequestBody)
                && JsonNode.Parse(integrationRequestBody) is JsonObject body
                && body["statusCode"] is JsonValue code)
            {
                if (code.GetValueKind() == JsonValueKind.Number && code.TryGetValue<int>(out var number))
                {
                    return number;
                }

                if (code.GetValueKind() == JsonValueKind.String && int.TryParse(code.GetValue<string>(), out var text))
                {
                    return text;
                }
            }
        }
        catch (JsonException)
        {
            // A body that is not JSON names no status.
        }

        return 200;
    }
}
