namespace OrleansGateway.Mapping.Parameters;

/// <summary>Everything a parameter mapping may read from, for one request.</summary>
public sealed record ParameterInputs
{
    public MethodRequestData? Request { get; init; }

    public IntegrationResponseData? Response { get; init; }

    public IDictionary<string, object?>? Context { get; init; }

    public IReadOnlyDictionary<string, string>? StageVariables { get; init; }
}
