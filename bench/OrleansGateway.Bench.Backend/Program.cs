// The benchmark's origin: a bare Kestrel server answering every request with the same small JSON body,
// so that what the proxies in front of it add is what the benchmark measures.
// URL: first argument, else BENCH_BACKEND_URL, else http://127.0.0.1:5100.
var url = args.FirstOrDefault(a => !a.StartsWith('-')) ?? Environment.GetEnvironmentVariable("BENCH_BACKEND_URL") ?? "http://127.0.0.1:5100";

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls(url);

var app = builder.Build();
var body = """{"message":"hello from the benchmark backend"}"""u8.ToArray();
app.Run(async context =>
{
    context.Response.StatusCode = StatusCodes.Status200OK;
    context.Response.ContentType = "application/json";
    context.Response.ContentLength = body.Length;
    await context.Response.Body.WriteAsync(body);
});

await app.RunAsync();
