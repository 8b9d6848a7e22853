namespace OrleansGateway.Mapping.Selection;

/// <summary>A REST integration response (apigateway <c>IntegrationResponse</c>).</summary>
public sealed record IntegrationResponseDefinition
{
    public required string StatusCode { get; init; }

    /// <summary>Java regex; absent or empty marks the default response.</summary>
    public string? SelectionPattern { get; init; }

    /// <summary><c>method.response.header.X</c> to its source expression.</summary>
    public IReadOnlyDictionary<string, string>? ResponseParameters { get; init; }

    /// <summary>Content type to VTL template.</summary>
    public IReadOnlyDictionary<string, string>? ResponseTemplates { get; init; }

    public string? ContentHandling { get; init; }

    public bool IsDefault => string.IsNullOrEmpty(SelectionPattern);
}
