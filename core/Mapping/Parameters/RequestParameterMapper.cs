namespace OrleansGateway.Mapping.Parameters;

/// <summary>
/// A REST integration's <c>requestParameters</c>
/// (<c>integration.request.{header|querystring|path}.N</c> = source expression), parsed once per
/// deployment and applied per request. Sources that yield nothing leave the target unset.
/// </summary>
public sealed class RequestParameterMapper
{
    private readonly List<(string Location, string Name, ParameterSource Source)> _mappings = [];

    public RequestParameterMapper(IReadOnlyDictionary<string, string>? requestParameters)
    {
        foreach (var (target, expression) in requestParameters ?? new Dictionary<string, string>())
        {
            var parts = target.Split('.', 4);
            if (parts.Length != 4 || parts[0] != "integration" || parts[1] != "request" || parts[3].Length == 0
                || parts[2] is not ("header" or "querystring" or "path" or "multivaluequerystring" or "multivalueheader"))
            {
                throw new FormatException($"Invalid mapping expression specified: {target}");
            }

            var location = parts[2].StartsWith("multivalue", StringComparison.Ordinal) ? parts[2]["multivalue".Length..] : parts[2];
            var source = ParameterSource.Parse(expression);
            if (source.ReadsIntegrationResponse)
            {
                throw new FormatException($"Invalid mapping expression specified: {expression}");
            }

            _mappings.Add((location, parts[3], source));
        }
    }

    public IntegrationRequestParameters Map(ParameterInputs inputs)
    {
        var result = new IntegrationRequestParameters();
        var reader = new ParameterReader(inputs);
        foreach (var (location, name, source) in _mappings)
        {
            var value = reader.Read(source);
            if (value.Error is not null)
            {
                return new IntegrationRequestParameters { Error = value.Error };
            }

            if (!value.HasValue)
            {
                continue;
            }

            switch (location)
            {
                case "querystring":
                    result.QueryString[name] = value.Values!;
                    break;
                case "header":
                    result.Headers[name] = string.Join(",", value.Values!);
                    break;
                default:
                    result.Path[name] = string.Join(",", value.Values!);
                    break;
            }
        }

        return result;
    }
}
