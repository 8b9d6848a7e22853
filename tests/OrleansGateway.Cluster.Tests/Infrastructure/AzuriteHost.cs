using System.Diagnostics;
using System.Net.Sockets;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.Cluster.Tests.Infrastructure;

/// <summary>
/// Azurite (local Azure Storage, from the repository's <c>node_modules</c>: <c>npm ci</c>) on free
/// loopback ports with a throwaway data folder, stopped by PID.
/// </summary>
public sealed class AzuriteHost : IAsyncDisposable
{
    // Azurite's well-known development account; it accepts no other.
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string _location;
    private readonly int[] _ports;
    private Process _process;

    private AzuriteHost(Process process, string location, int[] ports)
    {
        _process = process;
        _location = location;
        _ports = ports;
        ConnectionString = ConnectionStringFor(ports[0], ports[1], ports[2]);
    }

    public string ConnectionString { get; }

    /// <summary>A well-formed connection string to the dev account where nothing listens.</summary>
    public static string UnreachableConnectionString() => ConnectionStringFor(FreePort.Next(), FreePort.Next(), FreePort.Next());

    /// <summary>The same endpoints with a wrong account key.</summary>
    public string ConnectionStringWithWrongKey() =>
        ConnectionString.Replace(AccountKey, Convert.ToBase64String(new byte[64]), StringComparison.Ordinal);

    public static async Task<AzuriteHost> StartAsync()
    {
        var script = Script();
        if (!File.Exists(script))
        {
            throw new FileNotFoundException("Azurite is not installed: run `npm ci` at the repository root", script);
        }

        var location = Path.Combine(Path.GetTempPath(), "og-azurite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(location);
        int[] ports = [FreePort.Next(), FreePort.Next(), FreePort.Next()];
        var host = new AzuriteHost(StartProcess(script, location, ports), location, ports);
        try
        {
            await host.WaitListeningAsync();
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>Stops Azurite as an outage would (SIGTERM, so what it acknowledged is on disk) and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>Starts Azurite again on the same ports and data folder.</summary>
    public async Task RestartAsync()
    {
        _process.Dispose();
        _process = StartProcess(Script(), _location, _ports);
        await WaitListeningAsync();
    }

    private static string Script() => Path.Combine(RepositoryLayout.Root, "node_modules", "azurite", "dist", "src", "azurite.js");

    private async Task WaitListeningAsync()
    {
        foreach (var port in _ports)
        {
            await WaitListeningAsync(_process, port, TimeSpan.FromSeconds(30));
        }
    }

    private static Process StartProcess(string script, string location, int[] ports)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            script, "--skipApiVersionCheck", "--disableTelemetry", "--silent",
            "--blobHost", "127.0.0.1", "--blobPort", ports[0].ToString(),
            "--queueHost", "127.0.0.1", "--queuePort", ports[1].ToString(),
            "--tableHost", "127.0.0.1", "--tablePort", ports[2].ToString(),
            "--location", location,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
        if (Directory.Exists(_location))
        {
            Directory.Delete(_location, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    private static string ConnectionStringFor(int blobPort, int queuePort, int tablePort) =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        $"AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";

    private static async Task WaitListeningAsync(Process process, int port, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"azurite exited with {process.ExitCode}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"azurite did not listen on {port} within {timeout}");
    }
}
