using System.Text;
using System.Text.Json;

namespace OrleansGateway.Edge.ControlPlane.RestApis;

/// <summary>
/// GetModelTemplate's answer: a mapping template that copies the model's top-level properties
/// from the input, in the shape the API Gateway console generates.
/// </summary>
public static class ModelTemplate
{
    public static string For(string? schema)
    {
        var text = new StringBuilder("#set($inputRoot = $input.path('$'))\n{\n");
        var properties = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(schema ?? "{}");
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("properties", out var members) && members.ValueKind == JsonValueKind.Object)
            {
                foreach (var member in members.EnumerateObject())
                {
                    var isString = member.Value.ValueKind == JsonValueKind.Object
                        && member.Value.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "string";
                    properties.Add(isString ? $"  \"{member.Name}\" : \"$inputRoot.{member.Name}\"" : $"  \"{member.Name}\" : $inputRoot.{member.Name}");
                }
            }
        }
        catch (JsonException)
        {
            // A schema that is not JSON has no properties to copy.
        }

        return text.Append(string.Join(",\n", properties)).Append(properties.Count > 0 ? "\n}" : "}").ToString();
    }
}
