using OrleansGateway.Mapping.GatewayResponses;

namespace OrleansGateway.Mapping.Parameters;

/// <summary>Evaluates parsed mapping expressions against one request's inputs.</summary>
internal sealed class ParameterReader(ParameterInputs inputs)
{
    private MappingBody? _requestBody;
    private MappingBody? _responseBody;

    public ParameterValue Read(ParameterSource source) => source.Kind switch
    {
        ParameterSourceKind.Literal => new ParameterValue([source.Name]),
        ParameterSourceKind.StageVariable => ParameterValue.Of(inputs.StageVariables?.GetValueOrDefault(source.Name)),
        ParameterSourceKind.Context => ParameterValue.Of(ContextTree.Format(ContextTree.Find(inputs.Context, source.Name))),
        ParameterSourceKind.MethodRequestPath => ParameterValue.Of(inputs.Request?.PathParameters.GetValueOrDefault(source.Name)),
        ParameterSourceKind.MethodRequestQueryString => ParameterValue.Of(inputs.Request?.QueryStringValue(source.Name)),
        ParameterSourceKind.MethodRequestMultiValueQueryString => All(inputs.Request?.QueryString, source.Name, ignoreCase: false),
        ParameterSourceKind.MethodRequestHeader => ParameterValue.Of(inputs.Request?.Header(source.Name)),
        ParameterSourceKind.MethodRequestMultiValueHeader => Joined(inputs.Request?.Headers, source.Name),
        ParameterSourceKind.MethodRequestBody => RequestBody().Read(source.Name),
        ParameterSourceKind.IntegrationResponseHeader => ParameterValue.Of(
            inputs.Response is null ? null : MultiValue.Last(inputs.Response.Headers, source.Name, ignoreCase: true)),
        ParameterSourceKind.IntegrationResponseMultiValueHeader => Joined(inputs.Response?.Headers, source.Name),
        ParameterSourceKind.IntegrationResponseBody => ResponseBody().Read(source.Name),
        _ => ParameterValue.None,
    };

    private MappingBody RequestBody() => _requestBody ??= new MappingBody(
        inputs.Request?.Body, new GatewayError(GatewayResponseType.Default4xx, "Invalid JSON in request body", 400));

    private MappingBody ResponseBody() => _responseBody ??= new MappingBody(
        inputs.Response?.Body, GatewayError.InternalServerError());

    private static ParameterValue All(IReadOnlyDictionary<string, IReadOnlyList<string>>? map, string name, bool ignoreCase) =>
        map is not null && MultiValue.All(map, name, ignoreCase) is { Count: > 0 } values ? new ParameterValue(values) : ParameterValue.None;

    // Several header values travel as one comma-separated value.
    private static ParameterValue Joined(IReadOnlyDictionary<string, IReadOnlyList<string>>? map, string name) =>
        map is not null && MultiValue.All(map, name, ignoreCase: true) is { Count: > 0 } values
            ? ParameterValue.Of(string.Join(",", values))
            : ParameterValue.None;
}
