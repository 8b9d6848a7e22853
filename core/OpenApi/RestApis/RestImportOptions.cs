namespace OrleansGateway.OpenApi.RestApis;

/// <summary>
/// ImportRestApi's <c>parameters</c>: <c>basepath</c> (<c>ignore</c>, the default, or <c>prepend</c>,
/// which puts the document's base path in front of every path; <c>split</c>, which puts it there without its first segment, the stage)
/// and <c>ignore=documentation</c>, which silences the warning for <c>x-amazon-apigateway-documentation</c>.
/// </summary>
public sealed record RestImportOptions
{
    public string BasePath { get; init; } = "ignore";

    public bool IgnoreDocumentation { get; init; }

    /// <summary>Makes the IDs of imported authorizers and request validators, which methods refer to.</summary>
    public required Func<string> NewId { get; init; }
}
