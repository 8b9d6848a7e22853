namespace OrleansGateway.Mapping.Parameters;

/// <summary>
/// An integration response's <c>responseParameters</c> (<c>method.response.header.N</c> = source),
/// or a gateway response's (<c>gatewayresponse.header.N</c>), parsed once and applied per response.
/// </summary>
public sealed class ResponseParameterMapper
{
    public const string MethodResponseHeader = "method.response.header.";

    private readonly List<(string Header, ParameterSource Source)> _mappings = [];

    public ResponseParameterMapper(IReadOnlyDictionary<string, string>? responseParameters, string targetPrefix = MethodResponseHeader)
    {
        foreach (var (target, expression) in responseParameters ?? new Dictionary<string, string>())
        {
            if (!target.StartsWith(targetPrefix, StringComparison.Ordinal) || target.Length == targetPrefix.Length)
            {
                throw new FormatException($"Invalid mapping expression specified: {target}");
            }

            // Method responses read the integration response; gateway responses, which have none, the method request.
            var source = ParameterSource.Parse(expression);
            if (targetPrefix == MethodResponseHeader ? source.ReadsMethodRequest : source.ReadsIntegrationResponse)
            {
                throw new FormatException($"Invalid mapping expression specified: {expression}");
            }

            _mappings.Add((target[targetPrefix.Length..], source));
        }
    }

    public MethodResponseHeaders Map(ParameterInputs inputs)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var reader = new ParameterReader(inputs);
        foreach (var (header, source) in _mappings)
        {
            var value = reader.Read(source);
            if (value.Error is not null)
            {
                return new MethodResponseHeaders(new(), value.Error);
            }

            if (value.HasValue)
            {
                headers[header] = string.Join(",", value.Values!);
            }
        }

        return new MethodResponseHeaders(headers);
    }
}
