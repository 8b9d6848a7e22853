namespace OrleansGateway.Routing;

/// <summary>An edge's ear: told when an API, one of its stages or a custom domain name changed, so it drops its cache.</summary>
[Alias("gw.IRoutingObserver")]
public interface IRoutingObserver : IGrainObserver
{
    /// <summary>The API was created, changed its stage list or was deleted.</summary>
    [Alias("ApiChanged")]
    Task ApiChanged(string apiId);

    /// <summary>The stage now serves another deployment or changed its settings.</summary>
    [Alias("StageChanged")]
    Task StageChanged(string apiId, string stageName);

    /// <summary>An API was created or deleted: the <see cref="HttpApis.ApiDirectory"/> is now at <paramref name="version"/>.</summary>
    [Alias("ApiDirectoryChanged")]
    Task ApiDirectoryChanged(long version);

    /// <summary>A custom domain name or one of its API mappings was created, changed or deleted.</summary>
    [Alias("DomainNamesChanged")]
    Task DomainNamesChanged();

    /// <summary>An API key or usage plan (or a plan's keys) was created, changed or deleted: edges reload their key table.</summary>
    [Alias("ApiKeysChanged")]
    Task ApiKeysChanged();
}
