namespace OrleansGateway.RestApis;

/// <summary>The body of PutGatewayResponse. Member names are the wire names.</summary>
[GenerateSerializer, Immutable, Alias("gw.RestGatewayResponseInput")]
public sealed record RestGatewayResponseInput
{
    [Id(0)] public string? StatusCode { get; init; }
    [Id(1)] public Dictionary<string, string>? ResponseParameters { get; init; }
    [Id(2)] public Dictionary<string, string>? ResponseTemplates { get; init; }
}
