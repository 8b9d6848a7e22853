using OrleansGateway.Mapping.Parameters;

namespace OrleansGateway.Mapping.GatewayResponses;

/// <summary>
/// Resolves the effective gateway response for an error, as API Gateway does: the type's own
/// customization, else the customized <c>DEFAULT_4XX</c> / <c>DEFAULT_5XX</c> of its family, else
/// the built-in response (the type's default status, <c>{"message":$context.error.messageString}</c>).
/// Built once per deployment from the API's gateway responses; templates are parsed here.
/// </summary>
public sealed class GatewayResponseResolver
{
    /// <summary>The body template of every gateway response nobody customized.</summary>
    public const string DefaultTemplate = """{"message":$context.error.messageString}""";

    private const string HeaderPrefix = "gatewayresponse.header.";

    private static readonly GatewayResponseTemplate BuiltInTemplate = new(DefaultTemplate);

    private static readonly ResponseParameterMapper NoHeaders = new(null, HeaderPrefix);

    private readonly Dictionary<string, ResolvedGatewayResponse> _configured = new(StringComparer.Ordinal);

    public GatewayResponseResolver(IEnumerable<GatewayResponseDefinition>? customized = null)
    {
        foreach (var definition in customized ?? [])
        {
            var templates = definition.ResponseTemplates is { Count: > 0 } given
                ? given.ToDictionary(t => t.Key, t => new GatewayResponseTemplate(t.Value), StringComparer.OrdinalIgnoreCase)
                : BuiltInTemplates();
            _configured[definition.ResponseType] = new ResolvedGatewayResponse(
                int.TryParse(definition.StatusCode, out var status) ? status : null,
                new ResponseParameterMapper(definition.ResponseParameters, HeaderPrefix),
                templates);
        }
    }

    /// <summary>The response to send for an error; its status is already settled.</summary>
    public ResolvedGatewayResponse Resolve(GatewayError error)
    {
        if (_configured.TryGetValue(error.Type.Name, out var own))
        {
            return own with { StatusCode = own.StatusCode ?? error.DefaultStatusCode };
        }

        var family = error.Type.Family(error.DefaultStatusCode);
        if (family != error.Type && _configured.TryGetValue(family.Name, out var inherited))
        {
            return inherited with { StatusCode = inherited.StatusCode ?? error.DefaultStatusCode };
        }

        return new ResolvedGatewayResponse(error.DefaultStatusCode, NoHeaders, BuiltInTemplates());
    }

    private static Dictionary<string, GatewayResponseTemplate> BuiltInTemplates() =>
        new(StringComparer.OrdinalIgnoreCase) { ["application/json"] = BuiltInTemplate };
}
