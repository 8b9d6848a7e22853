namespace OrleansGateway.Account;

/// <summary>What of the account can change: the CloudWatch role.</summary>
[GenerateSerializer, Alias("gw.AccountState")]
public sealed class AccountState
{
    [Id(0)] public string? CloudwatchRoleArn { get; set; }
}
