namespace OrleansGateway.Mapping.GatewayResponses;

/// <summary>A REST API's customized gateway response (apigateway <c>GatewayResponse</c>).</summary>
public sealed record GatewayResponseDefinition
{
    /// <summary>The wire name of the type (<c>DEFAULT_4XX</c>, <c>BAD_REQUEST_BODY</c>, ...).</summary>
    public required string ResponseType { get; init; }

    public string? StatusCode { get; init; }

    /// <summary><c>gatewayresponse.header.X</c> to <c>'literal'</c>, <c>method.request.*</c>, <c>stageVariables.*</c> or <c>context.*</c>.</summary>
    public IReadOnlyDictionary<string, string>? ResponseParameters { get; init; }

    public IReadOnlyDictionary<string, string>? ResponseTemplates { get; init; }
}
