namespace OrleansGateway.HttpApis;

/// <summary>An HTTP API's CORS configuration (apigatewayv2 <c>Cors</c>).</summary>
[GenerateSerializer, Alias("gw.CorsConfiguration")]
public sealed record CorsConfiguration
{
    [Id(0)] public bool? AllowCredentials { get; init; }
    [Id(1)] public List<string>? AllowHeaders { get; init; }
    [Id(2)] public List<string>? AllowMethods { get; init; }
    [Id(3)] public List<string>? AllowOrigins { get; init; }
    [Id(4)] public List<string>? ExposeHeaders { get; init; }
    [Id(5)] public int? MaxAge { get; init; }
}
