using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OrleansGateway.EndToEnd.Tests.WebSockets;

/// <summary>
/// A WebSocket API's integration backend on loopback: records every call (path, headers, body) and
/// answers <c>/status/{code}</c> with that status, <c>/subprotocol/{name}</c> with that
/// <c>Sec-WebSocket-Protocol</c>, <c>/slow/{ms}</c> after a delay, and anything else with
/// <c>{"path": ..., "body": ...}</c>.
/// </summary>
public sealed class RecordingBackend : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<RecordedCall> _calls = Channel.CreateUnbounded<RecordedCall>();

    private RecordingBackend(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public static async Task<RecordingBackend> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var url = $"http://127.0.0.1:{Infrastructure.FreePort.Next()}";
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        var backend = new RecordingBackend(app, url);
        app.Run(backend.AnswerAsync);
        await app.StartAsync();
        return backend;
    }

    /// <summary>The next call whose path starts with <paramref name="pathPrefix"/>; others are skipped.</summary>
    public async Task<RecordedCall> NextAsync(string pathPrefix, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var call = await _calls.Reader.ReadAsync(cancel.Token);
            if (call.Path.StartsWith(pathPrefix, StringComparison.Ordinal))
            {
                return call;
            }
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var path = context.Request.Path.Value ?? "/";
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        await _calls.Writer.WriteAsync(new RecordedCall(context.Request.Method, path, context.Request.QueryString.Value ?? string.Empty, headers, body));

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (segments)
        {
            case ["status", var code, ..] when int.TryParse(code, out var status):
                context.Response.StatusCode = status;
                await context.Response.WriteAsJsonAsync(new { message = $"status {status}" });
                return;
            case ["subprotocol", var name, ..]:
                context.Response.Headers["Sec-WebSocket-Protocol"] = name;
                return;
            case ["slow", var ms, ..] when int.TryParse(ms, out var delay):
                await Task.Delay(delay);
                break;
        }

        await context.Response.WriteAsJsonAsync(new { path, body });
    }
}
