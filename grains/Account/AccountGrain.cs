using OrleansGateway.Patching;
using OrleansGateway.RestApis;
using OrleansGateway.Storage;
using OrleansGateway.UsagePlans;

namespace OrleansGateway.Account;

/// <summary>The account's settings (see <see cref="IAccountGrain"/>).</summary>
public sealed class AccountGrain(
    [PersistentState("state", StorageNames.Gateway)] IPersistentState<AccountState> state) : Grain, IAccountGrain
{
    private static readonly PatchRule[] Rules = [new("/cloudwatchRoleArn", "replace")];

    public Task<GatewayAccount> Get() => Task.FromResult(Current());

    public async Task<GatewayAccount> Update(List<PatchOperation> operations)
    {
        foreach (var operation in operations)
        {
            JsonPatcher.Check(operation, Rules);
            state.State.CloudwatchRoleArn = string.IsNullOrEmpty(operation.Value) ? null : operation.Value;
        }

        await state.WriteStateOrReloadAsync(this);
        return Current();
    }

    // AWS's defaults for a new account; only the role is the account's own.
    private GatewayAccount Current() => new()
    {
        CloudwatchRoleArn = state.State.CloudwatchRoleArn,
        ThrottleSettings = new UsagePlanThrottle { BurstLimit = 5000, RateLimit = 10000 },
        Features = ["UsagePlans"],
        ApiKeyVersion = "4",
    };
}
