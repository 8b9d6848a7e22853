namespace OrleansGateway.DomainNames;

/// <summary>apigatewayv2 <c>MutualTlsAuthentication</c>: where the truststore of a custom domain name is.</summary>
[GenerateSerializer, Immutable, Alias("gw.MutualTlsAuthentication")]
public sealed record MutualTlsAuthentication
{
    [Id(0)] public string? TruststoreUri { get; init; }
    [Id(1)] public string? TruststoreVersion { get; init; }
    [Id(2)] public List<string>? TruststoreWarnings { get; init; }
}
