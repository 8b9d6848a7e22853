namespace OrleansGateway.HttpApis;

/// <summary>apigatewayv2 <c>RouteSettings</c>: throttling and logging of a stage or one route.</summary>
[GenerateSerializer, Alias("gw.RouteSettings")]
public sealed record RouteSettings
{
    [Id(0)] public bool? DataTraceEnabled { get; init; }
    [Id(1)] public bool? DetailedMetricsEnabled { get; init; }
    [Id(2)] public string? LoggingLevel { get; init; }
    [Id(3)] public int? ThrottlingBurstLimit { get; init; }
    [Id(4)] public double? ThrottlingRateLimit { get; init; }
}
