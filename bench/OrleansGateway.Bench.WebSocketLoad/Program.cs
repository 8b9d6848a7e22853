// The WebSocket benchmark's client: opens N idle connections against one target (the bare server or the
// gateway), reads the server's memory and CPU from /proc, then pushes and broadcasts. See bench/ws.sh and
// docs/benchmarks.md. Progress goes to stderr, the report (JSON) to --out or stdout.
using System.Text.Json;
using OrleansGateway.Bench.WebSocketLoad;

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

// The posts share a few pooled connections, as a backend calling the management API would.
using var http = new HttpClient(new SocketsHttpHandler
{
    UseProxy = false,
    AllowAutoRedirect = false,
    MaxConnectionsPerServer = 128,
    PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
})
{
    Timeout = TimeSpan.FromSeconds(30),
};
using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(options.MaxSeconds));
var run = new LoadRun(options, new Receipts(), http, Console.Error);
var report = run.Report;
var exitCode = 0;
try
{
    await run.RunAsync(deadline.Token);
}
catch (OperationCanceledException) when (deadline.IsCancellationRequested)
{
    Console.Error.WriteLine($"stopped: the run took longer than {options.MaxSeconds} s; the phases that finished are reported");
    report.Notes.Add($"stopped at the {options.MaxSeconds} s deadline");
    exitCode = 1;
}

var json = JsonSerializer.Serialize(report, new JsonSerializerOptions
{
    WriteIndented = true,
    PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
});
if (options.OutputPath is { } path)
{
    await File.WriteAllTextAsync(path, json);
}
else
{
    Console.WriteLine(json);
}

return exitCode;
