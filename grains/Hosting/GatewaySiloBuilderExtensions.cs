using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Storage;
using OrleansGateway.Storage;
using OrleansGateway.WebSockets;

namespace OrleansGateway.Hosting;

/// <summary>The one place a silo is configured, for both modes, so edge and silo hosts agree.</summary>
public static class GatewaySiloBuilderExtensions
{
    /// <summary>The blob container that holds grain state in cluster mode.</summary>
    public const string StateContainer = "gateway-state";

    /// <summary>Queues of the group stream provider.</summary>
    public const int GroupStreamQueues = 4;

    /// <summary>How often an idle group stream queue is polled.</summary>
    public static readonly TimeSpan GroupStreamPollPeriod = TimeSpan.FromMilliseconds(10);

    /// <summary>One process: localhost clustering and grain state in files.</summary>
    public static ISiloBuilder UseGatewayEmbedded(this ISiloBuilder silo, GatewaySiloOptions options)
    {
        silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
        silo.Services.AddWebSocketRoutes();
        if (GroupOptions.FanOutOf(silo.Configuration) == GroupFanOut.Streams)
        {
            // One process: subscriptions need not outlive it (edges subscribe again as members join).
            AddGroupStreams(silo).AddMemoryGrainStorage(GroupStreams.PubSubStorage);
        }

        return silo.AddGatewayFileStorage(options.StoragePath);
    }

    /// <summary>The <see cref="StorageNames.Gateway"/> provider as files under <paramref name="storagePath"/> (embedded mode, grain tests).</summary>
    public static ISiloBuilder AddGatewayFileStorage(this ISiloBuilder silo, string storagePath)
    {
        var root = Path.GetFullPath(storagePath);
        silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Gateway, (services, _) =>
            new FileGrainStorage(new FileGrainStorageOptions { RootDirectory = root }, StateSerializer(services)));

        // Taken when the silo starts, so a second process on the same folder stops before it serves anything.
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(new DataFolderLock(root));
        return silo;
    }

    /// <summary>
    /// Many processes: Azure Table clustering and Azure Blob grain state, and mutual TLS on the
    /// silo and gateway ports when <paramref name="tls"/> is given. The caller has checked the
    /// connection string (<see cref="ClusterStorage"/>) and resolved the advertised address.
    /// </summary>
    public static ISiloBuilder UseGatewayCluster(this ISiloBuilder silo, GatewaySiloOptions options, ClusterTls? tls = null)
    {
        var connectionString = options.ConnectionString
            ?? throw new InvalidOperationException("Cluster mode needs Gateway:Storage:ConnectionString.");
        var advertised = IPAddress.Parse(options.AdvertisedAddress);
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });

        // Behind a container network the silo listens on every address and advertises its own.
        silo.ConfigureEndpoints(advertised, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(advertised));
        silo.UseAzureStorageClustering(o => o.TableServiceClient = new Azure.Data.Tables.TableServiceClient(connectionString));
        silo.AddAzureBlobGrainStorage(StorageNames.Gateway, o =>
        {
            o.BlobServiceClient = new Azure.Storage.Blobs.BlobServiceClient(connectionString);
            o.ContainerName = StateContainer;
        });
        silo.Services.AddOptions<AzureBlobStorageOptions>(StorageNames.Gateway)
            .PostConfigure<IServiceProvider>((o, services) => o.GrainStorageSerializer = StateSerializer(services));
        silo.Services.AddWebSocketRoutes();
        if (GroupOptions.FanOutOf(silo.Configuration) == GroupFanOut.Streams)
        {
            // Memory streams' queues are grains, so they span silos; subscriptions go to blobs so a silo's death keeps them.
            AddGroupStreams(silo).AddAzureBlobGrainStorage(GroupStreams.PubSubStorage, o =>
            {
                o.BlobServiceClient = new Azure.Storage.Blobs.BlobServiceClient(connectionString);
                o.ContainerName = StateContainer;
            });
        }

        ConfigureFastFailover(silo);
        if (tls is not null)
        {
            silo.UseTls(tls.Certificate, tls.Configure);
        }

        return silo;
    }

    /// <summary>The stream provider of group fan-out (<see cref="GroupFanOut.Streams"/>); edges that are clients add the same on their side.</summary>
    private static ISiloBuilder AddGroupStreams(ISiloBuilder silo) => silo.AddMemoryStreams(GroupStreams.ProviderName, streams =>
    {
        streams.ConfigurePartitioning(GroupStreamQueues);

        // The agents poll an idle queue on this period, which a send that finds the queue idle waits out (Orleans' default is 100 ms).
        streams.ConfigurePullingAgent(agent => agent.Configure(o => o.GetQueueMsgsTimerPeriod = GroupStreamPollPeriod));
    });

    private static void ConfigureFastFailover(ISiloBuilder silo)
    {
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = ClusterTimeouts.ProbeTimeout;
            o.NumMissedProbesLimit = ClusterTimeouts.NumMissedProbesLimit;
            o.NumVotesForDeathDeclaration = ClusterTimeouts.NumVotesForDeathDeclaration;
        });
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = ClusterTimeouts.ResponseTimeout);
    }

    // Orleans' own version-tolerant serializer: state types carry [GenerateSerializer] and [Id].
    private static IGrainStorageSerializer StateSerializer(IServiceProvider services) =>
        new OrleansGrainStorageSerializer(services.GetRequiredService<Orleans.Serialization.Serializer>());
}
