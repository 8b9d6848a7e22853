namespace OrleansGateway.HttpApis;

/// <summary>apigatewayv2 <c>JWTConfiguration</c>: who may issue the tokens and for which audiences.</summary>
[GenerateSerializer, Immutable, Alias("gw.JwtConfiguration")]
public sealed record JwtConfiguration
{
    [Id(0)] public List<string>? Audience { get; init; }
    [Id(1)] public string? Issuer { get; init; }
}
