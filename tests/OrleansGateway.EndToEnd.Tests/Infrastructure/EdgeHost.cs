namespace OrleansGateway.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real edge in embedded mode on free loopback ports, with its own data folder.
/// <c>DataUrl</c> is the data plane, <c>AdminUrl</c> the control plane.
/// </summary>
public sealed class EdgeHost : IAsyncDisposable
{
    private readonly bool _ownsData;

    private EdgeHost(HostProcess process, string dataUrl, string adminUrl, string dataPath, bool ownsData)
    {
        Process = process;
        DataUrl = dataUrl;
        AdminUrl = adminUrl;
        DataPath = dataPath;
        _ownsData = ownsData;
    }

    public HostProcess Process { get; }

    public string DataUrl { get; }

    public string AdminUrl { get; }

    public string DataPath { get; }

    /// <summary>Starts an embedded edge; pass <paramref name="dataPath"/> to reuse a folder across restarts.</summary>
    public static async Task<EdgeHost> StartAsync(string? dataPath = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var ownsData = dataPath is null;
        dataPath ??= Path.Combine(Path.GetTempPath(), "og-e2e-" + Guid.NewGuid().ToString("N"));
        var dataUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var adminUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var env = new Dictionary<string, string>
        {
            ["Kestrel__Endpoints__Data__Url"] = dataUrl,
            ["Kestrel__Endpoints__Admin__Url"] = adminUrl,
            ["Gateway__Storage__Path"] = dataPath,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        var process = HostProcess.Start(RepositoryLayout.EdgeAssembly, env);
        var host = new EdgeHost(process, dataUrl, adminUrl, dataPath, ownsData);
        try
        {
            await process.WaitHealthyAsync(adminUrl, TimeSpan.FromSeconds(60));
            await process.WaitHealthyAsync(dataUrl, TimeSpan.FromSeconds(10));
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        if (_ownsData && Directory.Exists(DataPath))
        {
            Directory.Delete(DataPath, recursive: true);
        }
    }
}
