using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using OrleansGateway.Errors;

namespace OrleansGateway.Integrations;

/// <summary>
/// This edge's admin endpoint, as an integration URI could name it. An integration that
/// forwards to it would let anyone who can reach the data plane drive the control plane with
/// the edge's own loopback standing, so such URIs are refused when they are stored: the admin
/// port on a loopback, unspecified or own address, <c>localhost</c>, this machine's name, or
/// the configured admin URL's host. In core because a co-hosted (embedded) silo calls WebSocket
/// integrations from the same process and machine, and must refuse the same sockets as the edge.
/// </summary>
public sealed class OwnAdminEndpoint
{
    private readonly Uri _adminUrl;
    private readonly HashSet<IPAddress> _ownAddresses;

    public OwnAdminEndpoint(Uri adminUrl, IEnumerable<IPAddress> ownAddresses)
    {
        _adminUrl = adminUrl;
        _ownAddresses = [.. ownAddresses];
    }

    /// <summary>The admin URL of the configuration and the addresses of this machine's interfaces.</summary>
    public static OwnAdminEndpoint Of(Uri adminUrl) => new(adminUrl, InterfaceAddresses());

    /// <summary>Throws BadRequest when <paramref name="integrationUri"/> points at the admin endpoint.</summary>
    public void EnsureNotTargetedBy(string? integrationUri)
    {
        if (integrationUri is not null && IsTargetedBy(integrationUri))
        {
            throw ApiGatewayException.BadRequest($"Invalid integration URI specified: {integrationUri}. It points at this gateway's own admin endpoint ({_adminUrl.Authority}).");
        }
    }

    /// <summary>
    /// True for an absolute http(s) URI on the admin port and one of this host's names. URIs whose
    /// host is not known until a request (<c>${stageVariables.host}</c>) cannot be told apart here.
    /// </summary>
    public bool IsTargetedBy(string integrationUri)
    {
        if (!Uri.TryCreate(integrationUri, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Port != _adminUrl.Port)
        {
            return false;
        }

        var host = uri.IdnHost.TrimEnd('.');
        if (string.Equals(host, _adminUrl.IdnHost.TrimEnd('.'), StringComparison.OrdinalIgnoreCase)
            || string.Equals(host, Dns.GetHostName(), StringComparison.OrdinalIgnoreCase)
            || IsLoopbackHost(host))
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var address)
            && (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || _ownAddresses.Contains(address)
                || (address.IsIPv4MappedToIPv6 && (IPAddress.IsLoopback(address.MapToIPv4()) || _ownAddresses.Contains(address.MapToIPv4()))));
    }

    /// <summary>
    /// True for a connection to the admin port at a loopback, unspecified or own address: the check the
    /// data plane makes when it opens a connection, whatever host name or stage variable led there.
    /// </summary>
    public bool IsAdminSocket(IPAddress address, int port)
    {
        if (port != _adminUrl.Port)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || _ownAddresses.Contains(address);
    }

    /// <summary><c>localhost</c> or a loopback address literal (<c>127.0.0.1</c>, <c>[::1]</c>).</summary>
    public static bool IsLoopbackHost(string host) =>
        string.Equals(host.TrimEnd('.'), "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>
    /// Opens a connection to an integration, unless it leads to the admin endpoint of <paramref name="ownAdmin"/>
    /// (null: a process with none): the control plane refuses such URIs, but a stage variable, a host name that
    /// resolves to this machine or a mapped Host could still lead there. For a handler's <c>ConnectCallback</c>,
    /// so it is checked once per new connection, not per request.
    /// </summary>
    public static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, OwnAdminEndpoint? ownAdmin, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        if (ownAdmin is not null && addresses.Any(address => ownAdmin.IsAdminSocket(address, endpoint.Port)))
        {
            throw new HttpRequestException($"{endpoint.Host}:{endpoint.Port} is this gateway's own admin endpoint; integrations may not call it");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static IEnumerable<IPAddress> InterfaceAddresses()
    {
        try
        {
            return [.. NetworkInterface.GetAllNetworkInterfaces().SelectMany(i => i.GetIPProperties().UnicastAddresses).Select(a => a.Address)];
        }
        catch (NetworkInformationException)
        {
            return [];
        }
    }
}
