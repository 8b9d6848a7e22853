namespace OrleansGateway.Mapping.Parameters;

/// <summary>What came back from a non-proxy integration, as response mappings read it.</summary>
public sealed record IntegrationResponseData
{
    public int StatusCode { get; init; } = 200;

    /// <summary>Header names compare case-insensitively.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);

    public string? Body { get; init; }
}
