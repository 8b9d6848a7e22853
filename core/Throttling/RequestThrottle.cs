namespace OrleansGateway.Throttling;

/// <summary>
/// The "may this request go on?" step of every pipeline after the client's own limits: the method's or
/// route's throttle compiled into the stage's table, then the account's. A request refused by its
/// method takes nothing from the account, as AWS checks the narrower limit first. With both budgets
/// holding tokens the answer is synchronous: no allocation, no grain call.
/// </summary>
public sealed class RequestThrottle(ThrottleBudgets budgets, ThrottleLimit account)
{
    public ThrottleLimit AccountLimit { get; } = account;

    /// <summary>True when the request may go on; <paramref name="method"/> is null when its stage sets no limit for it.</summary>
    public ValueTask<bool> AdmitAsync(ScopedThrottle? method)
    {
        if (method is null)
        {
            return budgets.TryTakeAsync(ThrottleScopes.Account, AccountLimit);
        }

        var own = budgets.TryTakeAsync(method.Scope, method.Limit);
        if (!own.IsCompletedSuccessfully)
        {
            return ThenAccountAsync(own);
        }

        return own.Result ? budgets.TryTakeAsync(ThrottleScopes.Account, AccountLimit) : ValueTask.FromResult(false);
    }

    private async ValueTask<bool> ThenAccountAsync(ValueTask<bool> own) =>
        await own && await budgets.TryTakeAsync(ThrottleScopes.Account, AccountLimit);
}
