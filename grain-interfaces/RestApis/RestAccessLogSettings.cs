namespace OrleansGateway.RestApis;

/// <summary>A stage's access logging (apigateway <c>AccessLogSettings</c>).</summary>
[GenerateSerializer, Immutable, Alias("gw.RestAccessLogSettings")]
public sealed record RestAccessLogSettings
{
    [Id(0)] public string? Format { get; init; }
    [Id(1)] public string? DestinationArn { get; init; }
}
