using OrleansGateway.UsagePlans;

namespace OrleansGateway.Account;

/// <summary>The account's API Gateway settings (apigateway <c>Account</c>). Member names are the wire names.</summary>
[GenerateSerializer, Immutable, Alias("gw.GatewayAccount")]
public sealed record GatewayAccount
{
    [Id(0)] public string? CloudwatchRoleArn { get; init; }
    [Id(1)] public UsagePlanThrottle? ThrottleSettings { get; init; }
    [Id(2)] public List<string> Features { get; init; } = [];
    [Id(3)] public string? ApiKeyVersion { get; init; }
}
