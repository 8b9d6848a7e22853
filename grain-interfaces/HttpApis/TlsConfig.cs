namespace OrleansGateway.HttpApis;

/// <summary>apigatewayv2 <c>TlsConfig</c> of a private integration.</summary>
[GenerateSerializer, Alias("gw.TlsConfig")]
public sealed record TlsConfig
{
    [Id(0)] public string? ServerNameToVerify { get; init; }
}
