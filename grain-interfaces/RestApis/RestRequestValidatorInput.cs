namespace OrleansGateway.RestApis;

/// <summary>The body of CreateRequestValidator. Member names are the wire names.</summary>
[GenerateSerializer, Immutable, Alias("gw.RestRequestValidatorInput")]
public sealed record RestRequestValidatorInput
{
    [Id(0)] public string? Name { get; init; }
    [Id(1)] public bool? ValidateRequestBody { get; init; }
    [Id(2)] public bool? ValidateRequestParameters { get; init; }
}
