using Microsoft.Extensions.Logging;

namespace OrleansGateway.Routing;

/// <summary>
/// The edges listening for routing changes. Subscriptions live in memory only: edges renew
/// them on a timer, so after a restart of this grain they come back within one renewal, and a
/// subscription not renewed within <see cref="Expiry"/> is dropped. Kept active so that a quiet
/// hour does not cost every edge its subscription.
/// </summary>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed partial class EdgeDirectoryGrain(ILogger<EdgeDirectoryGrain> logger) : Grain, IEdgeDirectoryGrain
{
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(2);

    private readonly Dictionary<IRoutingObserver, DateTime> _observers = [];

    public Task Subscribe(IRoutingObserver observer)
    {
        DropExpired();
        _observers[observer] = DateTime.UtcNow;
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IRoutingObserver observer)
    {
        _observers.Remove(observer);
        return Task.CompletedTask;
    }

    public Task PublishApiChanged(string apiId)
    {
        Notify(o => o.ApiChanged(apiId));
        return Task.CompletedTask;
    }

    public Task PublishStageChanged(string apiId, string stageName)
    {
        Notify(o => o.StageChanged(apiId, stageName));
        return Task.CompletedTask;
    }

    public Task PublishApiDirectoryChanged(long version)
    {
        Notify(o => o.ApiDirectoryChanged(version));
        return Task.CompletedTask;
    }

    public Task PublishDomainNamesChanged()
    {
        Notify(o => o.DomainNamesChanged());
        return Task.CompletedTask;
    }

    // Calls are started, not awaited: a publisher must not wait on edges (an edge reacting to the
    // news calls the publishing grain back), and a dead edge must not slow the others down.
    private void Notify(Func<IRoutingObserver, Task> call)
    {
        DropExpired();
        foreach (var observer in _observers.Keys)
        {
            _ = Deliver(observer, call);
        }
    }

    private void DropExpired()
    {
        var cutoff = DateTime.UtcNow - Expiry;
        foreach (var (observer, renewed) in _observers.ToList())
        {
            if (renewed < cutoff)
            {
                _observers.Remove(observer);
            }
        }
    }

    private async Task Deliver(IRoutingObserver observer, Func<IRoutingObserver, Task> call)
    {
        try
        {
            await call(observer);
        }
        catch (Exception e)
        {
            Log.DeliveryFailed(logger, e.GetType().Name, e.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "A routing change did not reach an edge ({ErrorType}: {Message}); its subscription expires unless renewed")]
        public static partial void DeliveryFailed(ILogger logger, string errorType, string message);
    }
}
