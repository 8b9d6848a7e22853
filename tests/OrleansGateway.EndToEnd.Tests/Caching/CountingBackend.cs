using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.Caching;

/// <summary>
/// A loopback backend that counts its calls per path and answers <c>{"n":count}</c>, so a test sees
/// both what the client got and whether the backend was asked; <c>/big/...</c> answers just over 1 MB.
/// </summary>
public sealed class CountingBackend : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly WebApplication _app;

    private CountingBackend(string url)
    {
        Url = url;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(AnswerAsync);
    }

    public string Url { get; }

    public static async Task<CountingBackend> StartAsync()
    {
        var backend = new CountingBackend($"http://127.0.0.1:{FreePort.Next()}");
        await backend._app.StartAsync();
        return backend;
    }

    public int Calls(string path) => _calls.GetValueOrDefault(path);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task AnswerAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var n = _calls.AddOrUpdate(path, 1, (_, c) => c + 1);
        context.Response.ContentType = "application/json";
        var padding = path.StartsWith("/big/", StringComparison.Ordinal) ? new string('x', 1_100_000) : string.Empty;
        await context.Response.WriteAsync($$"""{"n":{{n}},"pad":"{{padding}}"}""", context.RequestAborted);
    }
}
