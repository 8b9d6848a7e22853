namespace OrleansGateway.RestApis;

/// <summary>
/// A REST method's response cache settings as its stage resolves them (<c>{resourcePath}/{METHOD}</c>
/// over <c>*/*</c>): present only when the stage's cache cluster is on and the method caches with a
/// TTL above zero.
/// </summary>
public sealed class RestMethodCaching
{
    /// <summary>AWS's largest cacheable response.</summary>
    public const int MaxItemBytes = 1_048_576;

    public const string FailWith403 = "FAIL_WITH_403";

    public const string SucceedWithResponseHeader = "SUCCEED_WITH_RESPONSE_HEADER";

    public const string SucceedWithoutResponseHeader = "SUCCEED_WITHOUT_RESPONSE_HEADER";

    /// <summary>AWS's <c>UnauthorizedCacheControlHeaderStrategy</c> values.</summary>
    public static readonly IReadOnlyList<string> Strategies = [FailWith403, SucceedWithResponseHeader, SucceedWithoutResponseHeader];

    public required TimeSpan Ttl { get; init; }

    public bool RequireAuthorizationForCacheControl { get; init; } = true;

    public string UnauthorizedCacheControlHeaderStrategy { get; init; } = SucceedWithResponseHeader;

    /// <summary>The integration's <c>cacheKeyParameters</c> (<c>method.request.path|querystring|header.NAME</c>).</summary>
    public IReadOnlyList<string> KeyParameters { get; init; } = [];
}
