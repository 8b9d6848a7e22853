namespace OrleansGateway.Caching;

/// <summary>
/// One entry of a REST stage's response cache, keyed <c>{restApiId}/{stageName}/{cacheGeneration}/{keyHash}</c>:
/// the cluster-wide copy every edge's near-cache fills from, so an answer one edge stored is a hit
/// on the others. Held in memory only, as AWS's cache cluster is memory: a silo's loss costs misses,
/// never wrong answers. A flush bumps the stage's generation, so older keys are never asked again
/// and their grains deactivate when idle. Edges call it only for methods with caching on, on a
/// near-cache miss, where the request would otherwise call the integration anyway.
/// </summary>
[Alias("gw.ICacheEntryGrain")]
public interface ICacheEntryGrain : IGrainWithStringKey
{
    /// <summary>The stored response while it is fresh; null when there is none or it expired.</summary>
    [Alias("Get")]
    Task<CachedResponse?> Get();

    /// <summary>Stores <paramref name="response"/> until its <see cref="CachedResponse.ExpiresAt"/>.</summary>
    [Alias("Set")]
    Task Set(CachedResponse response);
}
