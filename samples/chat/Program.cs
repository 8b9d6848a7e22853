// The chat sample's backend: the WebSocket API's HTTP integrations (POST /join, POST /send) and the
// chat page (GET /?ws=<the stage's ws:// URL>). It pushes through the gateway's groups API under the
// stage's base URL (Chat__StageUrl). Listens on http://127.0.0.1:5090 unless ASPNETCORE_URLS or --urls
// says otherwise. samples/chat/setup.sh creates the API and prints how to start this.
using Microsoft.Extensions.FileProviders;
using OrleansGateway.Samples.Chat;

var builder = WebApplication.CreateSlimBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5090");
}

var (options, error) = ChatOptions.From(builder.Configuration);
if (options is null)
{
    Console.Error.WriteLine($"chat backend: {error}");
    return 1;
}

HttpMessageHandler handler = new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false };
if (options.Key is { } key)
{
    handler = new SigV4SigningHandler(key, handler);
}

builder.Services.AddSingleton(options);
builder.Services.AddSingleton(new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) });
builder.Services.AddSingleton<StageClient>();

var app = builder.Build();
var page = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "page"));
app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = page });
app.UseStaticFiles(new StaticFileOptions { FileProvider = page });
app.MapGet("/healthz", () => "ok");
ChatEndpoints.Map(app);
app.Run();
return 0;
