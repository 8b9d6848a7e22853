namespace OrleansGateway.RestApis;

/// <summary>The body of PutIntegrationResponse. Member names are the wire names.</summary>
[GenerateSerializer, Immutable, Alias("gw.RestIntegrationResponseInput")]
public sealed record RestIntegrationResponseInput
{
    [Id(0)] public string? SelectionPattern { get; init; }
    [Id(1)] public Dictionary<string, string>? ResponseParameters { get; init; }
    [Id(2)] public Dictionary<string, string>? ResponseTemplates { get; init; }
    [Id(3)] public string? ContentHandling { get; init; }
}
