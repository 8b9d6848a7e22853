using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace OrleansGateway.Hosting;

/// <summary>The edge's side of cluster mode: an Orleans client of the silos, with the silos' failover timing.</summary>
public static class GatewayClientBuilderExtensions
{
    /// <summary>
    /// Finds the silos' gateways in the clustering table, fails calls in flight to a dead silo after
    /// <see cref="ClusterTimeouts.ResponseTimeout"/>, and waits at start-up for a silo to come up.
    /// With <paramref name="tls"/>, connects to the silos with mutual TLS, as they require.
    /// </summary>
    public static IClientBuilder UseGatewayCluster(this IClientBuilder client, GatewaySiloOptions options, ClusterTls? tls = null)
    {
        var connectionString = options.ConnectionString
            ?? throw new InvalidOperationException("Cluster mode needs Gateway:Storage:ConnectionString.");
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        client.UseAzureStorageClustering(o => o.TableServiceClient = new Azure.Data.Tables.TableServiceClient(connectionString));
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = ClusterTimeouts.GatewayListRefreshPeriod);
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ClusterTimeouts.ResponseTimeout);
        client.Services.AddSingleton<IClientConnectionRetryFilter, SiloWaitRetryFilter>();
        if (OrleansGateway.WebSockets.GroupOptions.FanOutOf(client.Configuration) == OrleansGateway.WebSockets.GroupFanOut.Streams)
        {
            // The edge subscribes to the streams of groups it holds members of.
            client.AddMemoryStreams(OrleansGateway.WebSockets.GroupStreams.ProviderName);
        }

        if (tls is not null)
        {
            client.UseTls(tls.Certificate, tls.Configure);
        }

        return client;
    }
}
