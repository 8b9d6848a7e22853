using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using OrleansGateway.Mapping.GatewayResponses;
using OrleansGateway.Mapping.Parameters;
using OrleansGateway.Mapping.Templates;

namespace OrleansGateway.Validation;

/// <summary>
/// API Gateway's basic request validation: required parameters present and not blank, then the
/// body against the model chosen by content type (<c>$default</c> otherwise; no model, no check).
/// </summary>
public sealed class MethodRequestValidator(ApiModelSchemas models)
{
    private const string DefaultModelKey = "$default";

    private static readonly EvaluationOptions Hierarchical = new() { OutputFormat = OutputFormat.Hierarchical };

    public RequestValidationFailure? Validate(
        RequestValidatorSettings validator, MethodRequestRules rules, MethodRequestData request)
    {
        if (validator.ValidateRequestParameters && MissingParameters(rules, request) is { Count: > 0 } missing)
        {
            var message = $"Missing required request parameters: [{string.Join(", ", missing)}]";
            return new RequestValidationFailure(GatewayResponseType.BadRequestParameters, message, message);
        }

        return validator.ValidateRequestBody ? ValidateBody(rules, request) : null;
    }

    private static List<string> MissingParameters(MethodRequestRules rules, MethodRequestData request)
    {
        var missing = new List<string>();
        foreach (var (key, required) in rules.RequestParameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var parts = key.Split('.', 4);
            if (!required || parts.Length != 4 || parts[0] != "method" || parts[1] != "request")
            {
                continue;
            }

            var value = parts[2] switch
            {
                "path" => request.PathParameters.GetValueOrDefault(parts[3]),
                "querystring" or "multivaluequerystring" => request.QueryStringValue(parts[3]),
                "header" or "multivalueheader" => request.Header(parts[3]),
                _ => string.Empty,
            };
            if (string.IsNullOrWhiteSpace(value))
            {
                missing.Add(parts[3]);
            }
        }

        return missing;
    }

    private RequestValidationFailure? ValidateBody(MethodRequestRules rules, MethodRequestData request)
    {
        var model = MediaType.Find(rules.RequestModels, MediaType.Normalize(request.Header("Content-Type")))?.Value
            ?? rules.RequestModels.GetValueOrDefault(DefaultModelKey);
        if (model is null || models.Find(model) is not { } schema || models.Document(models.ModelUri(model)) is not { } document)
        {
            return null;
        }

        JsonNode? body;
        try
        {
            // An empty body is checked as an empty object, as API Gateway does.
            body = JsonNode.Parse(string.IsNullOrWhiteSpace(request.Body) ? "{}" : request.Body);
        }
        catch (JsonException e)
        {
            return BodyFailure([e.Message]);
        }

        EvaluationResults results;
        try
        {
            results = schema.Evaluate(JsonSerializer.SerializeToElement(body), Hierarchical);
        }
        catch (JsonSchemaException)
        {
            // A reference to a model the API does not have; the control plane refuses those, so
            // such a model only exists in hand-made state and checks nothing.
            return null;
        }

        return results.IsValid ? null : BodyFailure(new SchemaErrorCollector(models, document, body).Collect(results));
    }

    private static RequestValidationFailure BodyFailure(IEnumerable<string> messages)
    {
        // AWS hands the list over escaped for a JSON string, so templates can quote it as is.
        var list = $"[{string.Join(", ", messages)}]";
        var escaped = JsonEncodedText.Encode(list, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
        return new RequestValidationFailure(GatewayResponseType.BadRequestBody, "Invalid request body", escaped);
    }
}
