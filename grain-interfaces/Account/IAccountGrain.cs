using OrleansGateway.RestApis;

namespace OrleansGateway.Account;

/// <summary>The account's settings (one grain, key 0): AWS's default account throttle (burst 5000, rate 10000), usage plans on, API key version 4.</summary>
[Alias("gw.IAccountGrain")]
public interface IAccountGrain : IGrainWithIntegerKey
{
    [Alias("Get")]
    Task<GatewayAccount> Get();

    /// <summary>UpdateAccount: <c>replace /cloudwatchRoleArn</c>.</summary>
    [Alias("Update")]
    Task<GatewayAccount> Update(List<PatchOperation> operations);
}
