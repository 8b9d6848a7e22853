namespace OrleansGateway.Routing;

/// <summary>An edge's ear: told when an API or one of its stages changed, so it drops its cache.</summary>
[Alias("gw.IRoutingObserver")]
public interface IRoutingObserver : IGrainObserver
{
    /// <summary>The API was created, changed its stage list or was deleted.</summary>
    [Alias("ApiChanged")]
    Task ApiChanged(string apiId);

    /// <summary>The stage now serves another deployment or changed its settings.</summary>
    [Alias("StageChanged")]
    Task StageChanged(string apiId, string stageName);
}
