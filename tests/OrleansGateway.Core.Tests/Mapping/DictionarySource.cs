using OrleansGateway.Mapping.HttpApi;

namespace OrleansGateway.Core.Tests.Mapping;

/// <summary>A request or response described by plain dictionaries.</summary>
internal sealed class DictionarySource : IMappingValueSource
{
    public Dictionary<string, string> Headers { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public QueryParameters Query { get; init; } = new();

    public string Path { get; init; } = "/";

    public Dictionary<string, string> PathParameters { get; init; } = [];

    public Dictionary<string, string> Context { get; init; } = [];

    public Dictionary<string, string> ResponseHeaders { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public HttpApiMappingBody? RequestBody { get; init; }

    public HttpApiMappingBody? ResponseBody { get; init; }

    public string? Resolve(MappingVariableKind kind, string name) => kind switch
    {
        MappingVariableKind.RequestHeader => Headers.GetValueOrDefault(name),
        MappingVariableKind.RequestQueryString => Query.Get(name),
        MappingVariableKind.RequestPath => Path,
        MappingVariableKind.RequestPathParameter => PathParameters.GetValueOrDefault(name),
        MappingVariableKind.Context => Context.GetValueOrDefault(name),
        MappingVariableKind.ResponseHeader => ResponseHeaders.GetValueOrDefault(name),
        MappingVariableKind.RequestBody => RequestBody?.Read(name),
        MappingVariableKind.ResponseBody => ResponseBody?.Read(name),
        _ => null,
    };
}
