// The WebSocket benchmark's baseline: bare Kestrel holding sockets, nothing else. It receives the way the
// gateway's edge does (its own RFC 6455 handshake, WebSocket.CreateFromStream, a zero-byte read while idle,
// the same keep-alive interval), so that per-socket memory compares like with like.
//   any upgrade request     a socket; every text message is answered {"connectionId":"..."} (the gateway's "whoami")
//   POST /push/{id}         the body to that socket (200, 410 when it is gone)
//   POST /broadcast         the body to every socket (200 with the count)
//   GET /gc                 collections (gen 0, 1, 2) and total GC pause in ms, to tell where a latency tail comes from
// URL: first argument, else http://127.0.0.1:5200. No logging: a request logger costs about 0.6 KB per socket.
using OrleansGateway.Bench.WebSocketServer;

var url = args.FirstOrDefault(a => !a.StartsWith('-')) ?? "http://127.0.0.1:5200";

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls(url);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxConcurrentUpgradedConnections = null);
builder.Services.AddSingleton<SocketHolder>();

var app = builder.Build();
var holder = app.Services.GetRequiredService<SocketHolder>();
app.MapPost("/push/{id}", holder.PushAsync);
app.MapPost("/broadcast", holder.BroadcastAsync);
app.MapGet("/gc", () => $"{GC.CollectionCount(0)} {GC.CollectionCount(1)} {GC.CollectionCount(2)} {GC.GetTotalPauseDuration().TotalMilliseconds:F1}");
app.MapFallback(holder.AcceptAsync);

await app.RunAsync();
