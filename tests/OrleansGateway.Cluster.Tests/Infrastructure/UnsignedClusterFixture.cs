namespace OrleansGateway.Cluster.Tests.Infrastructure;

/// <summary>The cluster with loopback admin endpoints and no keys, so a test can poll the control plane with plain HTTP.</summary>
public sealed class UnsignedClusterFixture() : ClusterFixture(signedAdmin: false);
