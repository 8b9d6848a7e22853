using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OrleansGateway.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A real HTTP backend on loopback that answers 200 <c>{"ok":true}</c> and counts what it received
/// by the first segment of the path: what got past the gateway's throttles, seen from behind it.
/// </summary>
public sealed class CountingBackend : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _counts;

    private CountingBackend(WebApplication app, string url, ConcurrentDictionary<string, int> counts)
    {
        _app = app;
        Url = url;
        _counts = counts;
    }

    public string Url { get; }

    /// <summary>Requests received whose path starts with <c>/{segment}</c>.</summary>
    public int CountOf(string segment) => _counts.GetValueOrDefault(segment);

    public static async Task<CountingBackend> StartAsync()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var counts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        app.Run(context =>
        {
            var path = context.Request.Path.Value ?? "/";
            var segment = path.TrimStart('/').Split('/')[0];
            counts.AddOrUpdate(segment, 1, (_, n) => n + 1);
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync("""{"ok":true}""");
        });
        await app.StartAsync();
        return new CountingBackend(app, url, counts);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
