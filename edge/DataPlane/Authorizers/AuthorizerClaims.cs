using System.Text;
using System.Text.Json;

namespace OrleansGateway.Edge.DataPlane.Authorizers;

/// <summary>
/// The claims of a validated JWT behind <c>$context.authorizer.claims.name</c>. The payload is
/// parsed only when a mapping reads a claim, so routes that map none pay nothing for it.
/// </summary>
public sealed class AuthorizerClaims(string encodedPayload)
{
    private JsonElement? _payload;

    /// <summary>
    /// The claim as text: strings as they are, numbers and booleans as written, arrays as
    /// <c>[a b]</c> (the form AWS gives HTTP API integrations), objects as JSON; null when absent.
    /// </summary>
    public string? Get(string name)
    {
        if (_payload is null)
        {
            // A clone outlives the document, which returns its pooled buffer at once.
            using var document = JsonDocument.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(encodedPayload));
            _payload = document.RootElement.Clone();
        }

        return _payload.Value.TryGetProperty(name, out var value) ? Render(value) : null;
    }

    private static string? Render(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.Array => RenderArray(value),
        _ => value.GetRawText(),
    };

    private static string RenderArray(JsonElement array)
    {
        var text = new StringBuilder("[");
        foreach (var item in array.EnumerateArray())
        {
            if (text.Length > 1)
            {
                text.Append(' ');
            }

            text.Append(item.ValueKind == JsonValueKind.String ? item.GetString() : item.GetRawText());
        }

        return text.Append(']').ToString();
    }
}
