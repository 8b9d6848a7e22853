namespace OrleansGateway.Throttling;

/// <summary>
/// The <c>Gateway:Throttling</c> section: the account-level limit every API of the gateway shares,
/// AWS's default (10,000 requests per second, burst 5,000) unless configured. Edges and silos read
/// the same section (silos check WebSocket messages), so give both the same values.
/// </summary>
public sealed class ThrottlingOptions
{
    public const string Section = "Gateway:Throttling";

    public double AccountRateLimit { get; set; } = ThrottleLimit.AccountDefault.RateLimit;

    public int AccountBurstLimit { get; set; } = ThrottleLimit.AccountDefault.BurstLimit;

    public ThrottleLimit AccountLimit => new() { RateLimit = AccountRateLimit, BurstLimit = AccountBurstLimit };

    /// <summary>A one-line reason the settings cannot work, or null.</summary>
    public string? Validate() =>
        !double.IsFinite(AccountRateLimit) || AccountRateLimit <= 0
            ? $"{Section}:AccountRateLimit must be a positive number of requests per second (got {AccountRateLimit})."
            : AccountBurstLimit <= 0
                ? $"{Section}:AccountBurstLimit must be a positive number of requests (got {AccountBurstLimit})."
                : null;
}
