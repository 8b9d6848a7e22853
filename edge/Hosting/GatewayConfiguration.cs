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
    public static async Task<string?> ApplyAsync(WebApplicationBuilder builder)
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

        if (options.Admin.MaxBodyBytes < 1)
        {
            return "Gateway__Admin__MaxBodyBytes must be a positive number of bytes";
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
                var cluster = new GatewaySiloOptions
                {
                    ConnectionString = options.Storage.ConnectionString,
                    ClusterId = options.Silo.ClusterId,
                    ServiceId = options.Silo.ServiceId,
                };
                if (ClusterTls.TryLoad(builder.Configuration.GetSection(ClusterTlsOptions.Section).Get<ClusterTlsOptions>() ?? new(), out var tls) is { } tlsError)
                {
                    return tlsError;
                }

                if (ClusterStorage.Validate(cluster.ConnectionString) is { } invalid)
                {
                    return invalid;
                }

                if (await ClusterStorage.ProbeAsync(cluster.ConnectionString!) is { } unreachable)
                {
                    return unreachable;
                }

                builder.UseOrleansClient(client => client.UseGatewayCluster(cluster, tls));
                break;
        }

        return builder.Services.AddDataPlane(builder.Configuration);
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

        // Requests reach the control plane or the data plane by the port they arrive on, whatever the address.
        var dataUrl = configuration[GatewayEndpoints.DataUrlKey] ?? GatewayEndpoints.DefaultDataUrl;
        int dataPort;
        try
        {
            dataPort = BindingAddress.Parse(dataUrl).Port;
        }
        catch (FormatException)
        {
            return $"{GatewayEndpoints.DataUrlKey} is not a URL";
        }

        if (dataPort == admin.Port)
        {
            return $"the admin endpoint {admin} and the data endpoint {dataUrl} share port {admin.Port}; give each its own port";
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
