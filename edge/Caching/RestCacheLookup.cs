using OrleansGateway.Edge.DataPlane.Rest;
using OrleansGateway.Mapping.GatewayResponses;
using OrleansGateway.RestApis;

namespace OrleansGateway.Edge.Caching;

/// <summary>
/// What the cache step found: <see cref="Answer"/> (a hit) or <see cref="Refusal"/> ends the request; else <see cref="Key"/> (null when the method is not cached) is where the integration's
/// answer is stored.
/// </summary>
public readonly record struct RestCacheLookup(RestResponse? Answer, string? Key, RestMethodCaching? Caching)
{
    /// <summary>A <c>Cache-Control: max-age=0</c> refused under <c>FAIL_WITH_403</c>: answered through the gateway responses.</summary>
    public GatewayError? Refusal { get; init; }

    /// <summary>The <c>Warning</c> header <c>SUCCEED_WITH_RESPONSE_HEADER</c> adds to the answer.</summary>
    public string? Warning { get; init; }
}
