using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration.Memory;
using OrleansGateway.Hosting;
using OrleansGateway.Throttling;

namespace OrleansGateway.Silo.Hosting;

/// <summary>Reads and checks a cluster silo's configuration, then wires Orleans.</summary>
public static class SiloConfiguration
{
    public const string HealthUrlKey = "Kestrel:Endpoints:Health:Url";
    public const string DefaultHealthUrl = "http://127.0.0.1:8090";

    /// <summary>The account limit WebSocket messages are checked against here must be one an edge would accept too.</summary>
    private static string? ThrottlingError(IConfiguration configuration)
    {
        try
        {
            return (configuration.GetSection(ThrottlingOptions.Section).Get<ThrottlingOptions>() ?? new()).Validate();
        }
        catch (InvalidOperationException e)
        {
            return $"invalid {ThrottlingOptions.Section} configuration: {e.Message}";
        }
    }

    /// <summary>Configures the host; returns a one-line error when the configuration cannot work.</summary>
    public static async Task<string?> ApplyAsync(WebApplicationBuilder builder)
    {
        // Defaults sit below every other source, so environment variables and arguments win.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                [HealthUrlKey] = DefaultHealthUrl,
                ["Gateway:Silo:SiloPort"] = "11111",
                ["Gateway:Silo:GatewayPort"] = "30000",
            },
        });

        var options = new GatewaySiloOptions();
        try
        {
            builder.Configuration.GetSection("Gateway:Silo").Bind(options);
        }
        catch (InvalidOperationException e)
        {
            return $"invalid Gateway:Silo configuration: {e.Message}";
        }

        if (!Uri.TryCreate(builder.Configuration[HealthUrlKey], UriKind.Absolute, out _))
        {
            return $"{HealthUrlKey} is not a URL";
        }

        if (options.SiloPort is <= 0 or > 65535 || options.GatewayPort is <= 0 or > 65535 || options.SiloPort == options.GatewayPort)
        {
            return "Gateway__Silo__SiloPort and Gateway__Silo__GatewayPort must be two different ports";
        }

        if (await ResolveAsync(options.AdvertisedAddress) is not { } advertised)
        {
            return $"Gateway__Silo__AdvertisedAddress '{options.AdvertisedAddress}' is neither an IP address nor a resolvable host name";
        }

        options.AdvertisedAddress = advertised.ToString();
        if (ClusterTls.TryLoad(builder.Configuration.GetSection(ClusterTlsOptions.Section).Get<ClusterTlsOptions>() ?? new(), out var tls) is { } tlsError)
        {
            return tlsError;
        }

        if (ThrottlingError(builder.Configuration) is { } throttlingError)
        {
            return throttlingError;
        }

        options.ConnectionString = builder.Configuration["Gateway:Storage:ConnectionString"];
        if (ClusterStorage.Validate(options.ConnectionString) is { } invalid)
        {
            return invalid;
        }

        if (await ClusterStorage.ProbeAsync(options.ConnectionString!) is { } unreachable)
        {
            return unreachable;
        }

        builder.UseOrleans(silo => silo.UseGatewayCluster(options, tls));
        return null;
    }

    private static async Task<IPAddress?> ResolveAsync(string host)
    {
        if (IPAddress.TryParse(host, out var address))
        {
            return address;
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host);
            return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault();
        }
        catch (SocketException)
        {
            return null;
        }
    }
}
