namespace OrleansGateway.Throttling;

/// <summary>
/// The names of throttled scopes: the key of each scope's <see cref="IThrottleGrain"/> and of the
/// edge's <see cref="ThrottleBudgets"/>. Compiled tables build them once, so a request allocates no
/// name; every part comes from stored configuration (API, stage, route or method, usage plan, key ID),
/// never from a client's bytes, so the number of scopes is bounded by what the account configured.
/// </summary>
public static class ThrottleScopes
{
    /// <summary>The account-level limit, shared by every API of the gateway.</summary>
    public const string Account = "account";

    /// <summary>
    /// One method (REST <c>/pets/GET</c>) or route (<c>GET /pets</c>, <c>$connect</c>) of a stage. A
    /// stage's default limit has no scope of its own: AWS applies it to each method or route, so it is
    /// this scope with the default's limit (see <see cref="StageThrottles"/>).
    /// </summary>
    public static string Route(string apiId, string stage, string methodOrRouteKey) => $"route/{apiId}/{stage}/{methodOrRouteKey}";

    /// <summary>A usage plan's per-client limit for one API key.</summary>
    public static string Client(string usagePlanId, string apiKeyId) => $"client/{usagePlanId}/{apiKeyId}";

    /// <summary>A usage plan's per-client limit on one method of one API stage, for one API key.</summary>
    public static string ClientMethod(string usagePlanId, string apiKeyId, string apiId, string stage, string methodKey) =>
        $"client/{usagePlanId}/{apiKeyId}/{apiId}/{stage}/{methodKey}";
}
