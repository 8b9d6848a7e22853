using System.Net.Sockets;
using OrleansGateway.Storage;

namespace OrleansGateway.Hosting;

/// <summary>Turns a failure while starting into one line for the operator, never a stack trace.</summary>
public static class StartupFailure
{
    public static string? Describe(Exception exception)
    {
        var root = exception;
        while (root.InnerException is not null && root is AggregateException or OrleansException)
        {
            root = root.InnerException;
        }

        return root switch
        {
            IOException { InnerException: SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } } => $"a port is already in use: {root.Message}",
            DataFolderInUseException d => d.Message,
            SocketException s => $"network error while starting: {s.Message}",
            Azure.RequestFailedException r => $"storage is unreachable or refused the request: {FirstLine(r.Message)}",
            OrleansException o when o.Message.Contains("Could not find any gateway", StringComparison.Ordinal) =>
                $"no silo of the cluster is running after {SiloWaitRetryFilter.Window.TotalSeconds:0} s; start silos with the same Gateway__Storage__ConnectionString and Gateway__Silo__ClusterId",
            OrleansException o => $"the cluster could not be reached: {FirstLine(o.Message)}",

            // A TLS handshake refused either way ends Orleans' connection before it starts; which of
            // these two the client sees depends on when the silo's side gave up.
            Microsoft.AspNetCore.Connections.ConnectionAbortedException or InvalidOperationException { Message: "Connection terminated prematurely" } =>
                $"the cluster's silos closed every connection ({FirstLine(root.Message)}); silos and edges need the same Gateway__Cluster__Tls__* settings",
            _ => $"start-up failed: {FirstLine(root.Message)}",
        };
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
