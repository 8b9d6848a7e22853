using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OrleansGateway.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A real HTTP backend on loopback (a test double for the user's service, not for the gateway):
/// answers every request with JSON describing what it received. <c>/delay/{ms}</c> waits first;
/// <c>/status/{code}</c> answers with that status; <c>/bytes/{n}</c> streams n bytes of
/// <see cref="PatternByte"/> instead of JSON; <c>/drip/{n}</c> starts its answer at once, then sends
/// n bytes one every 100 ms; <c>/reply</c> answers with the request's own body and Content-Type.
/// </summary>
public sealed class EchoBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EchoBackend(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public static async Task<EchoBackend> StartAsync()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = null;
            k.RequestHeaderEncodingSelector = _ => System.Text.Encoding.UTF8;
        });
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(Echo);
        await app.StartAsync();
        return new EchoBackend(app, url);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>Byte <paramref name="index"/> of a <c>/bytes/{n}</c> body: a pattern that shows reordering or loss.</summary>
    public static byte PatternByte(long index) => (byte)((index * 31 + (index >> 16)) & 0xFF);

    private static async Task Echo(HttpContext context)
    {
        var request = context.Request;
        var segments = request.Path.Value!.Trim('/').Split('/');
        if (segments is ["delay", var ms, ..] && int.TryParse(ms, out var delay))
        {
            await Task.Delay(delay, context.RequestAborted);
        }

        if (segments is ["status", var code, ..] && int.TryParse(code, out var status))
        {
            context.Response.StatusCode = status;
        }

        if (segments is ["drip", var drops, ..] && int.TryParse(drops, out var dripCount))
        {
            context.Response.ContentType = "application/octet-stream";
            await context.Response.Body.FlushAsync(context.RequestAborted);
            for (var i = 0; i < dripCount; i++)
            {
                await context.Response.Body.WriteAsync(new[] { (byte)'.' }, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(100, context.RequestAborted);
            }

            return;
        }

        if (segments is ["bytes", var count, ..] && long.TryParse(count, out var length))
        {
            await StreamPattern(context, length);
            return;
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted);
        if (segments is ["reply", ..])
        {
            context.Response.ContentType = request.ContentType ?? "application/json";
            await context.Response.Body.WriteAsync(body.ToArray(), context.RequestAborted);
            return;
        }

        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            method = request.Method,
            path = request.Path.Value,
            rawTarget = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget,
            rawQuery = request.QueryString.Value,
            headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
            bodyLength = body.Length,
            body = body.Length <= 64 * 1024 ? System.Text.Encoding.UTF8.GetString(body.ToArray()) : null,
            bodyBase64 = body.Length <= 64 * 1024 ? Convert.ToBase64String(body.ToArray()) : null,
        });
    }

    private static async Task StreamPattern(HttpContext context, long length)
    {
        context.Response.ContentType = "application/octet-stream";
        var chunk = new byte[64 * 1024];
        for (long sent = 0; sent < length;)
        {
            var size = (int)Math.Min(chunk.Length, length - sent);
            for (var i = 0; i < size; i++)
            {
                chunk[i] = PatternByte(sent + i);
            }

            await context.Response.Body.WriteAsync(chunk.AsMemory(0, size), context.RequestAborted);
            sent += size;
        }
    }
}
