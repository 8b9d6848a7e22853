namespace OrleansGateway.Edge.Hosting;

/// <summary>Embedded: one process with a co-hosted silo. Cluster: an Orleans client of separate silos.</summary>
public enum GatewayMode
{
    Embedded,
    Cluster,
}
