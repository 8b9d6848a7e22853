using System.Collections.Concurrent;
using OrleansGateway.Routing;

namespace OrleansGateway.Edges;

/// <summary>
/// A silo's short memory of which observer is which edge, so a connect storm does not turn into one
/// <see cref="IEdgeDirectoryGrain.Find"/> call per new connection. An entry lives a few seconds; a
/// caller that could not reach the edge forgets it at once. Bounded by the number of edges.
/// </summary>
public sealed class EdgeLocator(IGrainFactory grains)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<int, (IEdgeObserver? Observer, DateTime FoundAt)> _edges = new();

    /// <summary>The live edge with this ID; null when the directory does not know it.</summary>
    public async Task<IEdgeObserver?> FindAsync(int edgeId)
    {
        var now = DateTime.UtcNow;
        if (_edges.TryGetValue(edgeId, out var known) && now - known.FoundAt < Lifetime)
        {
            return known.Observer;
        }

        var observer = await grains.GetGrain<IEdgeDirectoryGrain>(0).Find(edgeId);
        if (observer is null)
        {
            // Made-up or dead edge IDs are not remembered: the table holds only edges that exist.
            _edges.TryRemove(edgeId, out _);
        }
        else
        {
            _edges[edgeId] = (observer, now);
        }

        return observer;
    }

    /// <summary>The edge could not be reached: ask the directory next time.</summary>
    public void Forget(int edgeId) => _edges.TryRemove(edgeId, out _);
}
