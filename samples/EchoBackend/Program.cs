// A backend to point HTTP_PROXY integrations at: it answers every request with JSON describing
// what arrived (method, path, query, headers, body), so you can see what the gateway forwarded.
// Listens on http://127.0.0.1:5080 unless ASPNETCORE_URLS or --urls says otherwise.
using System.Text;
using OrleansGateway.Samples.EchoBackend;

var builder = WebApplication.CreateSlimBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

var app = builder.Build();
app.Run(async context =>
{
    var request = context.Request;
    using var reader = new StreamReader(request.Body, Encoding.UTF8);
    var body = await reader.ReadToEndAsync(context.RequestAborted);
    await context.Response.WriteAsJsonAsync(new EchoReply(
        request.Method,
        request.Path.Value ?? "/",
        request.QueryString.Value ?? string.Empty,
        request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
        body), EchoJson.Default.EchoReply);
});
app.Run();
