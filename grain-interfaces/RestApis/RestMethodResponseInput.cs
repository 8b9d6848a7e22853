namespace OrleansGateway.RestApis;

/// <summary>The body of PutMethodResponse. Member names are the wire names.</summary>
[GenerateSerializer, Immutable, Alias("gw.RestMethodResponseInput")]
public sealed record RestMethodResponseInput
{
    [Id(0)] public Dictionary<string, bool>? ResponseParameters { get; init; }
    [Id(1)] public Dictionary<string, string>? ResponseModels { get; init; }
}
