namespace OrleansGateway.RestApis;

/// <summary>TLS settings of an HTTP integration (apigateway <c>TlsConfig</c>).</summary>
[GenerateSerializer, Immutable, Alias("gw.RestTlsConfig")]
public sealed record RestTlsConfig
{
    [Id(0)] public bool InsecureSkipVerification { get; init; }
}
