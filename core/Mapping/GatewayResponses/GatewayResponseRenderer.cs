using OrleansGateway.Mapping.Context;
using OrleansGateway.Mapping.Parameters;
using OrleansGateway.Mapping.Templates;

namespace OrleansGateway.Mapping.GatewayResponses;

/// <summary>
/// Produces the response for a <see cref="GatewayError"/>: resolves the gateway response, sets
/// <c>$context.error.*</c>, picks the template for the client's Accept header, substitutes
/// <c>$context</c> and <c>$stageVariables</c>, and maps <c>gatewayresponse.header.*</c>.
/// </summary>
public sealed class GatewayResponseRenderer(GatewayResponseResolver resolver)
{
    public GatewayResponseResult Render(GatewayError error, ParameterInputs inputs)
    {
        var response = resolver.Resolve(error);
        var context = WithError(inputs.Context, error);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["x-amzn-ErrorType"] = error.Type.ErrorType,
        };

        var body = string.Empty;
        var accept = inputs.Request?.Header("Accept");
        if (ResponseTemplateSelector.Select(response.ResponseTemplates, accept) is { } chosen)
        {
            headers["Content-Type"] = chosen.Key;
            body = chosen.Value.Render(context, inputs.StageVariables);
        }

        // Header mappings that cannot be read are left out rather than failing the error response.
        var mapped = response.HeaderMappings.Map(inputs with { Context = context });
        foreach (var (name, value) in mapped.Headers)
        {
            headers[name] = value;
        }

        return new GatewayResponseResult(response.StatusCode ?? error.DefaultStatusCode, headers, body);
    }

    private static Dictionary<string, object?> WithError(IDictionary<string, object?>? context, GatewayError error)
    {
        var view = context is null
            ? new Dictionary<string, object?>(StringComparer.Ordinal)
            : new Dictionary<string, object?>(context, StringComparer.Ordinal);
        view["error"] = ContextVariables.Error(error);
        return view;
    }
}
