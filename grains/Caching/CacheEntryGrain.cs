namespace OrleansGateway.Caching;

/// <summary>
/// Holds one cached response in memory (AWS's cache cluster is memory too; nothing here must
/// outlive a silo) and deactivates itself soon after it expires.
/// </summary>
public sealed class CacheEntryGrain : Grain, ICacheEntryGrain
{
    private CachedResponse? _response;

    public Task<CachedResponse?> Get()
    {
        if (_response is { } response && response.ExpiresAt <= DateTimeOffset.UtcNow)
        {
            _response = null;
            this.DeactivateOnIdle();
        }

        return Task.FromResult(_response);
    }

    public Task Set(CachedResponse response)
    {
        _response = response;
        var ttl = response.ExpiresAt - DateTimeOffset.UtcNow;
        if (ttl > TimeSpan.Zero)
        {
            this.DelayDeactivation(ttl);
        }

        return Task.CompletedTask;
    }
}
