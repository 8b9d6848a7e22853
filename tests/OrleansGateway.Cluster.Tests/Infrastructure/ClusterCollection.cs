namespace OrleansGateway.Cluster.Tests.Infrastructure;

/// <summary>Test classes that only add to the cluster share one (starting one takes about ten seconds).</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "shared cluster";
}
