using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace OrleansGateway.Edge.ControlPlane;

/// <summary>
/// Reads a control-plane request's body into memory, refusing it with 413 as soon as it passes
/// the cap (declared or chunked), so that nothing hashes or parses more than the cap allows.
/// The buffered body replaces the request stream, so operations read it as before.
/// </summary>
public static class AdminRequestBody
{
    public const string TooLargeMessage = "Request Entity Too Large";

    public static IApplicationBuilder UseAdminRequestBody(this IApplicationBuilder app, long maxBytes) =>
        app.Use(async (context, next) =>
        {
            if (!await BufferAsync(context, maxBytes))
            {
                context.Response.Headers.Connection = "close";
                await WireErrors.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "PayloadTooLargeException", TooLargeMessage);
                return;
            }

            await next(context);
        });

    /// <summary>The buffered body of a request that went through <see cref="UseAdminRequestBody"/>.</summary>
    public static ReadOnlyMemory<byte> Of(HttpContext context) => context.Features.Get<Buffered>()?.Body ?? ReadOnlyMemory<byte>.Empty;

    private static async Task<bool> BufferAsync(HttpContext context, long maxBytes)
    {
        var request = context.Request;
        if (request.ContentLength > maxBytes)
        {
            return false;
        }

        // Kestrel's own limit (30 MB by default) must not cut in below ours.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } kestrelLimit)
        {
            kestrelLimit.MaxRequestBodySize = maxBytes + 1;
        }

        var body = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (body.Length + read > maxBytes)
                {
                    return false;
                }

                body.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        var buffered = new ReadOnlyMemory<byte>(body.GetBuffer(), 0, (int)body.Length);
        context.Features.Set(new Buffered(buffered));
        body.Position = 0;
        request.Body = body;
        return true;
    }

    private sealed record Buffered(ReadOnlyMemory<byte> Body);
}
