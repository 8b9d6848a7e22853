using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansGateway.JsonPath;
using OrleansGateway.Mapping.GatewayResponses;

namespace OrleansGateway.Mapping.Parameters;

/// <summary>
/// A body as parameter mappings see it: empty reads as <c>{}</c>; it is parsed as JSON only when
/// it starts like JSON (<c>{ [ " '</c>), as API Gateway does, and anything else has no fields.
/// Parsed at most once however many mappings read it.
/// </summary>
internal sealed class MappingBody(string? raw, GatewayError invalidJson)
{
    private readonly string _text = string.IsNullOrWhiteSpace(raw) ? "{}" : raw.Trim();
    private JsonNode? _parsed;
    private bool _isParsed;
    private bool _isInvalid;

    public ParameterValue Read(string jsonPath)
    {
        if (jsonPath.Length == 0)
        {
            return ParameterValue.Of(_text);
        }

        if (!TryParse(out var root))
        {
            return ParameterValue.Failed(invalidJson);
        }

        var selected = JsonPathExpression.Parse(jsonPath).Select(root);
        var first = selected.Count > 0 ? selected[0] : null;
        return first switch
        {
            null => ParameterValue.None,
            JsonValue value when value.GetValueKind() == JsonValueKind.String => ParameterValue.Of(value.GetValue<string>()),
            _ => ParameterValue.Of(first.ToJsonString()),
        };
    }

    private bool TryParse(out JsonNode? root)
    {
        if (!_isParsed)
        {
            _isParsed = true;
            if (_text[0] is '{' or '[' or '"' or '\'')
            {
                try
                {
                    _parsed = JsonNode.Parse(_text);
                }
                catch (JsonException)
                {
                    _isInvalid = true;
                }
            }
            else
            {
                _parsed = new JsonObject();
            }
        }

        root = _parsed;
        return !_isInvalid;
    }
}
