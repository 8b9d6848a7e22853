namespace OrleansGateway.HttpApis;

/// <summary>apigatewayv2 <c>AccessLogSettings</c> of a stage.</summary>
[GenerateSerializer, Alias("gw.AccessLogSettings")]
public sealed record AccessLogSettings
{
    [Id(0)] public string? DestinationArn { get; init; }
    [Id(1)] public string? Format { get; init; }
}
