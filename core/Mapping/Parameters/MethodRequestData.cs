namespace OrleansGateway.Mapping.Parameters;

/// <summary>
/// The parts of a method request that parameter mappings, template selection and request
/// validation read. Query strings and headers keep every value in arrival order; AWS's single-value
/// views (<c>method.request.querystring.x</c>, <c>method.request.header.x</c>) take the last one.
/// </summary>
public sealed record MethodRequestData
{
    public IReadOnlyDictionary<string, string> PathParameters { get; init; } =
        new Dictionary<string, string>(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, IReadOnlyList<string>> QueryString { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>Header names compare case-insensitively, as HTTP says.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);

    public string? Body { get; init; }

    public string? Header(string name) => MultiValue.Last(Headers, name, ignoreCase: true);

    public string? QueryStringValue(string name) => MultiValue.Last(QueryString, name, ignoreCase: false);
}
