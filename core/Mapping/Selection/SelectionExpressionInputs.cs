namespace OrleansGateway.Mapping.Selection;

/// <summary>What a WebSocket selection expression may read: the message and the connection's request data.</summary>
public sealed record SelectionExpressionInputs
{
    public string? Body { get; init; }

    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    public IReadOnlyDictionary<string, string>? QueryString { get; init; }

    public IDictionary<string, object?>? Context { get; init; }

    public IReadOnlyDictionary<string, string>? StageVariables { get; init; }

    /// <summary>The integration's status code, for <c>$integration.response.statuscode</c> (integration response selection).</summary>
    public string? IntegrationStatusCode { get; init; }
}
