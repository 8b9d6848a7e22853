namespace OrleansGateway.Edge.ApiKeys;

/// <summary>What the usage plan of an admitted key says about one more request.</summary>
public enum ApiKeyVerdict
{
    Admitted,

    /// <summary>The plan's throttle for this key has no token: <c>THROTTLED</c>, 429 "Too Many Requests".</summary>
    Throttled,

    /// <summary>The plan's quota for this key is used up: <c>QUOTA_EXCEEDED</c>, 429 "Limit Exceeded".</summary>
    QuotaExceeded,
}
