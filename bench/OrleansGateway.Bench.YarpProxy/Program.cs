using Yarp.ReverseProxy.Configuration;

// The yardstick the gateway is measured against: the smallest YARP proxy there is, one catch-all route
// to one destination, configured in memory, with logging off.
// Arguments: LISTEN_URL BACKEND_URL (else BENCH_PROXY_URL / BENCH_BACKEND_URL).
var positional = args.Where(a => !a.StartsWith('-')).ToArray();
var listenUrl = positional.ElementAtOrDefault(0) ?? Environment.GetEnvironmentVariable("BENCH_PROXY_URL") ?? "http://127.0.0.1:5101";
var backendUrl = positional.ElementAtOrDefault(1) ?? Environment.GetEnvironmentVariable("BENCH_BACKEND_URL") ?? "http://127.0.0.1:5100";

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls(listenUrl);
builder.Services.AddReverseProxy().LoadFromMemory(
    [new RouteConfig { RouteId = "all", ClusterId = "backend", Match = new RouteMatch { Path = "{**catch-all}" } }],
    [new ClusterConfig
    {
        ClusterId = "backend",
        Destinations = new Dictionary<string, DestinationConfig> { ["backend"] = new() { Address = backendUrl } },
    }]);

var app = builder.Build();
app.MapReverseProxy();
await app.RunAsync();
