namespace OrleansGateway.HttpApis;

/// <summary>
/// The members of apigatewayv2 <c>CreateApi</c> / <c>UpdateApi</c>. Null means "not given":
/// an update changes only the members that are set. <see cref="Target"/> and
/// <see cref="RouteKey"/> are quick create.
/// </summary>
[GenerateSerializer, Immutable, Alias("gw.ApiInput")]
public sealed record ApiInput
{
    [Id(0)] public string? Name { get; init; }
    [Id(1)] public string? ProtocolType { get; init; }
    [Id(2)] public string? RouteSelectionExpression { get; init; }
    [Id(3)] public string? ApiKeySelectionExpression { get; init; }
    [Id(4)] public string? Description { get; init; }
    [Id(5)] public string? Version { get; init; }
    [Id(6)] public bool? DisableExecuteApiEndpoint { get; init; }
    [Id(7)] public bool? DisableSchemaValidation { get; init; }
    [Id(8)] public CorsConfiguration? CorsConfiguration { get; init; }
    [Id(9)] public Dictionary<string, string>? Tags { get; init; }
    [Id(10)] public string? IpAddressType { get; init; }
    [Id(11)] public string? Target { get; init; }
    [Id(12)] public string? RouteKey { get; init; }
    [Id(13)] public string? CredentialsArn { get; init; }
}
