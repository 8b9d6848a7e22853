using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration.Memory;
using OrleansGateway.Edge.DataPlane;
using OrleansGateway.Hosting;

namespace OrleansGateway.Edge.Hosting;

/// <summary>Reads and checks an edge's configuration, then wires Orleans for its mode.</summary>
public static class GatewayConfiguration
{
    /// <summary>Configures the host; returns a one-line error when the configuration cannot work.</summary>
    public static string? Apply(WebApplicationBuilder builder)
    {
        // Defaults sit below every other source, so environment variables and arguments win.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                [GatewayEndpoints.DataUrlKey] = GatewayEndpoints.DefaultDataUrl,
                [GatewayEndpoints.AdminUrlKey] = GatewayEndpoints.DefaultAdminUrl,
            },
        });

        var options = new GatewayOptions();
        try
        {
            builder.Configuration.GetSection("Gateway").Bind(options);
        }
        catch (InvalidOperationException e)
        {
            return $"invalid Gateway configuration: {e.Message}";
        }

        if (CheckAdminBinding(builder.Configuration, options) is { } adminError)
        {
            return adminError;
        }

        builder.Services.AddSingleton(options);
        switch (options.Mode)
        {
            case GatewayMode.Embedded:
                var silo = new GatewaySiloOptions
                {
                    StoragePath = options.Storage.Path,
                    ClusterId = options.Silo.ClusterId,
                    ServiceId = options.Silo.ServiceId,
                    SiloPort = options.Silo.SiloPort == 0 ? FreeLoopbackPort() : options.Silo.SiloPort,
                    GatewayPort = options.Silo.GatewayPort == 0 ? FreeLoopbackPort() : options.Silo.GatewayPort,
                };
                builder.UseOrleans(s => s.UseGatewayEmbedded(silo));
                break;
            case GatewayMode.Cluster:
                if (string.IsNullOrWhiteSpace(options.Storage.ConnectionString))
                {
                    return "cluster mode needs Gateway__Storage__ConnectionString (an Azure Storage connection string)";
                }

                var connectionString = options.Storage.ConnectionString;
                builder.UseOrleansClient(client =>
                {
                    client.Configure<Orleans.Configuration.ClusterOptions>(o =>
                    {
                        o.ClusterId = options.Silo.ClusterId;
                        o.ServiceId = options.Silo.ServiceId;
                    });
                    client.UseAzureStorageClustering(o => o.TableServiceClient = new Azure.Data.Tables.TableServiceClient(connectionString));
                });
                break;
        }

        builder.Services.AddDataPlane(builder.Configuration);
        return null;
    }

    private static string? CheckAdminBinding(IConfiguration configuration, GatewayOptions options)
    {
        if (!Uri.TryCreate(configuration[GatewayEndpoints.AdminUrlKey], UriKind.Absolute, out var admin))
        {
            return $"{GatewayEndpoints.AdminUrlKey} is not a URL";
        }

        var loopback = admin.Host == "localhost" || (IPAddress.TryParse(admin.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
        if (!loopback && !options.Admin.HasKeys)
        {
            return $"the admin endpoint {admin} is not on loopback; set Gateway__Admin__AccessKeyId and Gateway__Admin__SecretAccessKey to expose it";
        }

        return null;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
